import type { RunProgress, Storage } from "@crowdseg/db";
import type { QueueName } from "./queue-names.ts";

/**
 * A function in a module, run on a worker thread as `fn(input, report, emit)`: `report` sends
 * progress, `emit` sends anything else the caller should persist (a checkpoint, say), since the
 * thread itself has no database.
 */
export interface ThreadTask {
  /** file URL of the module that exports the function */
  module: string;
  exportName: string;
  /** structured-cloneable; typed arrays travel as copies */
  input: unknown;
}

/**
 * What a job handler gets. I/O happens here on the calling thread; heavy computation goes through
 * runInThread, so neither the API (embedded mode) nor a BullMQ worker's lock renewal is blocked.
 */
export interface JobContext {
  storage: Storage;
  runId: number;
  /** 1 for the first try */
  attempt: number;
  /** recorded on the run row (throttled) and forwarded to the queue */
  reportProgress(progress: RunProgress): void;
  runInThread<Output>(task: ThreadTask, options?: ThreadOptions): Promise<Output>;
}

export interface ThreadOptions {
  /** called on the calling thread, in order, for each `emit(event)` of the task */
  onEvent?: (event: unknown) => void;
}

/** Returns the metrics stored on the run when it succeeds. */
export type JobHandler = (context: JobContext) => Promise<Record<string, unknown>>;

export type JobHandlers = Record<QueueName, JobHandler>;
