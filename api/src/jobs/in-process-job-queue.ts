import { randomUUID } from "node:crypto";
import type { Storage } from "@crowdseg/db";
import { isRetryable } from "./invalid-job-error.ts";
import type { JobHandlers } from "./job-handler.ts";
import { jobPayloadSchema } from "./job-payload.ts";
import { type JobQueue, jobAttempts, jobBackoffMs } from "./job-queue.ts";
import { processJob } from "./process-job.ts";
import type { QueueName } from "./queue-names.ts";

export interface InProcessJobQueueOptions {
  storage: Storage;
  handlers: JobHandlers;
  backoffMs?: number;
}

/**
 * The embedded default: no Redis, the same handlers and retry policy in this process, one job at
 * a time per queue. Heavy work still leaves the event loop through the handlers' runInThread.
 * Jobs live in memory: queued runs still pending when the process stops are requeued at start
 * by the caller (see requeueUnfinishedRuns).
 */
export function createInProcessJobQueue(options: InProcessJobQueueOptions): JobQueue {
  const backoffMs = options.backoffMs ?? jobBackoffMs;
  const tails = new Map<QueueName, Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const attemptJob = async (queue: QueueName, payload: unknown, attempt: number): Promise<void> => {
    if (closed) return;
    try {
      await processJob({ queue, payload, attempt, maxAttempts: jobAttempts, ...options });
    } catch (error) {
      if (!isRetryable(error) || attempt >= jobAttempts || closed) return;
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          schedule(queue, payload, attempt + 1);
        },
        backoffMs * 2 ** (attempt - 1),
      );
      timers.add(timer);
    }
  };
  const schedule = (queue: QueueName, payload: unknown, attempt: number) => {
    const tail = (tails.get(queue) ?? Promise.resolve()).then(() =>
      attemptJob(queue, payload, attempt),
    );
    tails.set(queue, tail);
  };

  return {
    kind: "in-process",
    async enqueue(queue, payload) {
      schedule(queue, jobPayloadSchema.parse(payload), 1);
      return `local-${randomUUID()}`;
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(tails.values());
    },
  };
}
