import { eq } from "drizzle-orm";
import type { AppDependencies } from "../app-context.ts";
import type { RunKind } from "./run-kinds.ts";

/** Puts a freshly inserted run on its queue and records the job id on the row. */
export async function enqueueRun(deps: AppDependencies, kind: RunKind, runId: number) {
  const jobId = await deps.jobs.enqueue(kind.queue, { runId });
  const [run] = await deps.db
    .update(kind.table)
    .set({ jobId })
    .where(eq(kind.table.id, runId))
    .returning();
  return run!;
}
