import type { JobPayload } from "./job-payload.ts";
import type { QueueName } from "./queue-names.ts";

/** Retries with exponential backoff: 3 tries, the second after 2 s, the third after 4 s. */
export const jobAttempts = 3;
export const jobBackoffMs = 2000;

/** Where the API puts work: BullMQ on Redis, or the same handlers in this process. */
export interface JobQueue {
  readonly kind: "bullmq" | "in-process";
  /** validates the payload before it leaves, and returns the queue's job id */
  enqueue(queue: QueueName, payload: JobPayload): Promise<string>;
  close(): Promise<void>;
}
