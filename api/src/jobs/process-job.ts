import type { RunProgress, Storage } from "@crowdseg/db";
import { eq } from "drizzle-orm";
import { InvalidJobError, isRetryable } from "./invalid-job-error.ts";
import type { JobContext, JobHandlers } from "./job-handler.ts";
import { jobPayloadSchema } from "./job-payload.ts";
import { ProgressRecorder } from "./progress-recorder.ts";
import type { QueueName } from "./queue-names.ts";
import { runInThread } from "./run-in-thread.ts";
import { runTables } from "./run-tables.ts";

export interface ProcessJobOptions {
  queue: QueueName;
  payload: unknown;
  /** 1 for the first try */
  attempt: number;
  maxAttempts: number;
  storage: Storage;
  handlers: JobHandlers;
  /** also told every progress report, e.g. BullMQ's job.updateProgress */
  onProgress?: (progress: RunProgress) => void;
}

/**
 * One attempt at one job, the same under BullMQ and in-process: validate the payload, mark the
 * run running, call the handler, and record success, a retry to come, or the final failure.
 */
export async function processJob(options: ProcessJobOptions): Promise<Record<string, unknown>> {
  const { queue, storage, attempt, maxAttempts } = options;
  const parsed = jobPayloadSchema.safeParse(options.payload);
  if (!parsed.success) {
    throw new InvalidJobError(
      `invalid ${queue} job payload: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
    );
  }
  const { runId } = parsed.data;
  const table = runTables[queue];
  const [run] = await storage.db.select().from(table).where(eq(table.id, runId));
  if (!run) throw new InvalidJobError(`${queue} run ${runId} does not exist`);
  // a redelivered job whose run already finished is not done twice
  if (run.status === "succeeded" || run.status === "cancelled") return run.metrics ?? {};

  await storage.db
    .update(table)
    .set({
      status: "running",
      startedAt: new Date(),
      error: null,
      progress: {
        fraction: 0,
        message: attempt > 1 ? `attempt ${attempt} of ${maxAttempts}` : "started",
      },
    })
    .where(eq(table.id, runId));

  const recorder = new ProgressRecorder(async (progress) => {
    await storage.db.update(table).set({ progress }).where(eq(table.id, runId));
  });
  const reportProgress = (progress: RunProgress) => {
    recorder.report(progress);
    options.onProgress?.(progress);
  };
  const context: JobContext = {
    storage,
    runId,
    attempt,
    reportProgress,
    runInThread: (task, threadOptions) => runInThread(task, reportProgress, threadOptions),
  };
  try {
    const metrics = await options.handlers[queue](context);
    await recorder.flush();
    await storage.db
      .update(table)
      .set({
        status: "succeeded",
        finishedAt: new Date(),
        metrics,
        progress: { fraction: 1, message: "done" },
      })
      .where(eq(table.id, runId));
    return metrics;
  } catch (error) {
    await recorder.flush();
    const message = error instanceof Error ? error.message : String(error);
    const final = attempt >= maxAttempts || !isRetryable(error);
    await storage.db
      .update(table)
      .set({
        status: final ? "failed" : "queued",
        error: final
          ? message
          : `attempt ${attempt} of ${maxAttempts} failed, will retry: ${message}`,
        finishedAt: final ? new Date() : null,
      })
      .where(eq(table.id, runId));
    throw error;
  }
}
