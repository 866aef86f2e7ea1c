import type { Storage } from "@crowdseg/db";
import { UnrecoverableError, Worker } from "bullmq";
import { isRetryable } from "./invalid-job-error.ts";
import type { JobHandlers } from "./job-handler.ts";
import { processJob } from "./process-job.ts";
import type { QueueName } from "./queue-names.ts";
import { redisConnection } from "./redis-connection.ts";

export interface BullmqWorkersOptions {
  redisUrl: string;
  storage: Storage;
  handlers: JobHandlers;
  queues: readonly QueueName[];
  prefix?: string;
  /** jobs at once per queue in this process */
  concurrency?: number;
  /** how long a job stays locked without renewal; a killed worker's job is retried after it */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export interface RunningWorkers {
  close(): Promise<void>;
}

export async function startBullmqWorkers(options: BullmqWorkersOptions): Promise<RunningWorkers> {
  const connection = redisConnection(options.redisUrl);
  const workers = options.queues.map(
    (queue) =>
      new Worker(
        queue,
        async (job) => {
          try {
            return await processJob({
              queue,
              payload: job.data,
              attempt: job.attemptsMade + 1,
              maxAttempts: job.opts.attempts ?? 1,
              storage: options.storage,
              handlers: options.handlers,
              onProgress: (progress) => void job.updateProgress(progress).catch(() => {}),
            });
          } catch (error) {
            // BullMQ retries anything else; a job that can never succeed goes straight to failed
            if (!isRetryable(error)) throw new UnrecoverableError((error as Error).message);
            throw error;
          }
        },
        {
          connection,
          prefix: options.prefix ?? "crowdseg",
          concurrency: options.concurrency ?? 1,
          lockDuration: options.lockDurationMs ?? 30_000,
          stalledInterval: options.stalledIntervalMs ?? 30_000,
          // a worker killed mid-job leaves it stalled; it is retried, and only failed after 2 such deaths
          maxStalledCount: 2,
        },
      ),
  );
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  return {
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
