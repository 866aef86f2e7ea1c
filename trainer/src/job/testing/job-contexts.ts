import { Worker } from "node:worker_threads";
import type { RunProgress, Storage } from "@crowdseg/db";
import type { TrainingJobContext } from "../run-training-job.ts";

type Task = Parameters<TrainingJobContext["runInThread"]>[0];
type ThreadOptions = Parameters<TrainingJobContext["runInThread"]>[1];

/** What a test saw of a job: its progress reports and the thread's events, in order. */
export interface JobLog {
  progress: RunProgress[];
  events: unknown[];
}

/**
 * The job runner's contract with the thread task called on this thread, its input and output
 * cloned as a thread would clone them. `interrupt(event)` may throw to play a crashed worker.
 */
export function inlineJobContext(
  storage: Storage,
  runId: number,
  log: JobLog,
  interrupt: (event: unknown) => void = () => {},
): TrainingJobContext {
  return {
    storage,
    runId,
    reportProgress: (p) => log.progress.push(p),
    runInThread: async <Output>(task: Task, options?: ThreadOptions) => {
      const module = (await import(task.module)) as Record<
        string,
        (
          input: unknown,
          report: (p: RunProgress) => void,
          emit: (e: unknown) => void,
        ) => Promise<Output>
      >;
      const output = await module[task.exportName]!(
        structuredClone(task.input),
        (p) => log.progress.push(p),
        (event) => {
          log.events.push(event);
          options?.onEvent?.(structuredClone(event));
          interrupt(event);
        },
      );
      return structuredClone(output);
    },
  };
}

/** The same contract with the task on a real worker thread, as the API runs it. */
export function workerJobContext(storage: Storage, runId: number, log: JobLog): TrainingJobContext {
  return {
    storage,
    runId,
    reportProgress: (p) => log.progress.push(p),
    runInThread: <Output>(task: Task, options?: ThreadOptions) =>
      new Promise<Output>((resolve, reject) => {
        const worker = new Worker(new URL("./thread-entry.mjs", import.meta.url), {
          workerData: task,
        });
        worker.on(
          "message",
          (message: {
            type: string;
            progress?: RunProgress;
            event?: unknown;
            output?: unknown;
            message?: string;
          }) => {
            if (message.type === "progress") log.progress.push(message.progress!);
            else if (message.type === "event") {
              log.events.push(message.event);
              options?.onEvent?.(message.event);
            } else if (message.type === "result") resolve(message.output as Output);
            else reject(new Error(message.message));
          },
        );
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (code !== 0) reject(new Error(`worker exited with code ${code}`));
        });
      }),
  };
}
