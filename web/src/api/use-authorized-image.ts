import { useEffect, useState } from "preact/hooks";
import { useSession } from "./session-context.ts";

/**
 * An image the API serves behind the bearer token, as an object URL an <img> can show
 * (an <img src> cannot send the Authorization header). Revoked when the path changes.
 */
export function useAuthorizedImage(path: string | null): {
  url: string | null;
  error: string | null;
} {
  const { api } = useSession();
  const [state, setState] = useState<{ url: string | null; error: string | null }>({
    url: null,
    error: null,
  });
  useEffect(() => {
    if (!path) {
      setState({ url: null, error: null });
      return;
    }
    let url: string | null = null;
    const controller = new AbortController();
    setState({ url: null, error: null });
    api.blob(path, controller.signal).then(
      (blob) => {
        url = URL.createObjectURL(blob);
        setState({ url, error: null });
      },
      (error: Error) => {
        if (!controller.signal.aborted) setState({ url: null, error: error.message });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, path]);
  return state;
}
