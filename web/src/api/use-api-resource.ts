import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { useSession } from "./session-context.ts";

export interface ApiResource<T> {
  data: T | null;
  error: string | null;
  reload: () => Promise<void>;
}

/**
 * GETs `path` (null: nothing yet) and again every `refreshMs` while the page is shown, so
 * dashboards move as raters work. An answer for a path no longer asked for is dropped.
 */
export function useApiResource<T>(path: string | null, refreshMs?: number): ApiResource<T> {
  const { api } = useSession();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef(path);
  current.current = path;

  const reload = useCallback(async () => {
    if (!path) return;
    try {
      const answer = await api.get<T>(path);
      if (current.current === path) {
        setData(answer);
        setError(null);
      }
    } catch (failure) {
      if (current.current === path)
        setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, [api, path]);

  useEffect(() => {
    setData(null);
    void reload();
    if (!refreshMs) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void reload();
    }, refreshMs);
    return () => window.clearInterval(timer);
  }, [reload, refreshMs]);

  return { data, error, reload };
}
