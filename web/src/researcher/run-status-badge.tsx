import type { RunStatus } from "../api/api-types.ts";

const TONE: Record<RunStatus, string> = {
  queued: "",
  running: "warn",
  succeeded: "good",
  failed: "bad",
  cancelled: "",
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <span class={`badge ${TONE[status]}`}>{status}</span>;
}
