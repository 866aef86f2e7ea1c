import { useEffect, useRef } from "preact/hooks";
import type { ApiClient } from "../api/api-client.ts";
import { ApiRequestError } from "../api/api-request-error.ts";
import type { Task } from "../api/api-types.ts";

/**
 * Keeps the rater's lease alive while the task is open: a heartbeat at half of the time left,
 * each answer moving the expiry on. When the server says the lease is over, `onEnded` gets its
 * message (the lease expired while the tab slept, or a coordinator blocked the rater).
 */
export function useLeaseHeartbeat(
  api: ApiClient,
  task: Task | null,
  onEnded: (message: string) => void,
): void {
  const ended = useRef(onEnded);
  ended.current = onEnded;
  useEffect(() => {
    if (!task) return;
    let timer = 0;
    let stopped = false;
    const schedule = (expiresAt: string) => {
      const left = new Date(expiresAt).getTime() - Date.now();
      timer = window.setTimeout(beat, Math.max(5_000, left / 2));
    };
    const beat = async () => {
      try {
        const { leaseExpiresAt } = await api.post<{ leaseExpiresAt: string }>(
          `/api/tasks/${task.id}/heartbeat`,
        );
        if (!stopped) schedule(leaseExpiresAt);
      } catch (error) {
        if (stopped) return;
        if (error instanceof ApiRequestError && error.status === 409) {
          ended.current(error.message);
        } else {
          // a network blip: try again soon, the lease usually has time left
          timer = window.setTimeout(beat, 5_000);
        }
      }
    };
    schedule(task.leaseExpiresAt);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [api, task]);
}
