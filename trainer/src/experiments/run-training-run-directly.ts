import { type RunProgress, type Storage, trainingRuns } from "@crowdseg/db";
import { eq } from "drizzle-orm";
import { runTrainingJob, type TrainingJobOptions } from "../job/run-training-job.ts";

export interface DirectRunOptions extends TrainingJobOptions {
  onProgress?: (progress: RunProgress) => void;
}

export interface DirectRunResult {
  status: "succeeded" | "failed";
  metrics: Record<string, unknown> | null;
  error: string | null;
}

/**
 * Runs one training run's job now, on this thread, without a queue, keeping the run row as the
 * job processor would (running, then succeeded with its metrics or failed with the error). For
 * experiments and CLIs, where nothing else needs the event loop meanwhile.
 */
export async function runTrainingRunDirectly(
  storage: Storage,
  runId: number,
  options: DirectRunOptions = {},
): Promise<DirectRunResult> {
  const { db } = storage;
  const report = options.onProgress ?? (() => {});
  await db
    .update(trainingRuns)
    .set({ status: "running", startedAt: new Date(), error: null })
    .where(eq(trainingRuns.id, runId));
  try {
    const metrics = await runTrainingJob(
      {
        storage,
        runId,
        reportProgress: report,
        runInThread: async <Output>(
          task: { module: string; exportName: string; input: unknown },
          threadOptions?: { onEvent?: (event: unknown) => void },
        ) => {
          const module = (await import(task.module)) as Record<
            string,
            (
              input: unknown,
              r: (p: RunProgress) => void,
              emit: (e: unknown) => void,
            ) => Promise<Output>
          >;
          const run = module[task.exportName];
          if (typeof run !== "function")
            throw new Error(`${task.module} has no "${task.exportName}"`);
          return run(task.input, report, (event) => threadOptions?.onEvent?.(event));
        },
      },
      options,
    );
    await db
      .update(trainingRuns)
      .set({
        status: "succeeded",
        finishedAt: new Date(),
        metrics,
        progress: { fraction: 1, message: "done" },
      })
      .where(eq(trainingRuns.id, runId));
    return { status: "succeeded", metrics, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(trainingRuns)
      .set({ status: "failed", finishedAt: new Date(), error: message })
      .where(eq(trainingRuns.id, runId));
    return { status: "failed", metrics: null, error: message };
  }
}
