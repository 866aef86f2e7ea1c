import { useEffect, useState } from "preact/hooks";
import type { FusionRun, TrainingRun } from "../api/api-types.ts";
import { followRunEvents } from "../api/follow-run-events.ts";
import { useSession } from "../api/session-context.ts";
import { appendProgressPoint, type LossPoint } from "./loss-curve-points.ts";

export type RunKind = "fusion" | "training";

const FINISHED = new Set(["succeeded", "failed", "cancelled"]);

/**
 * A run as its event stream reports it, with the loss points seen so far. A finished run is
 * read once; an unfinished one is followed until its `done` event, then `onFinished` runs.
 */
export function useRunEvents<Run extends FusionRun | TrainingRun>(
  kind: RunKind,
  runId: number | null,
  onFinished: () => void,
): { run: Run | null; points: readonly LossPoint[]; error: string | null } {
  const { api } = useSession();
  const [run, setRun] = useState<Run | null>(null);
  const [points, setPoints] = useState<readonly LossPoint[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRun(null);
    setPoints([]);
    setError(null);
    if (runId === null) return;
    const controller = new AbortController();
    const path = `/api/${kind}-runs/${runId}/events`;
    let wasLive = false;
    followRunEvents<Run>(
      api,
      path,
      (next) => {
        if (!FINISHED.has(next.status)) wasLive = true;
        setRun(next);
        setPoints((current) => appendProgressPoint(current, next.progress));
      },
      controller.signal,
    ).then(
      () => {
        if (wasLive && !controller.signal.aborted) onFinished();
      },
      (failure: Error) => setError(failure.message),
    );
    return () => controller.abort();
    // onFinished is a callback of the page; a new one must not restart the stream
  }, [api, kind, runId]);
  return { run, points, error };
}
