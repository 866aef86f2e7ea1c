import type { Storage } from "@crowdseg/db";
import { createBullmqJobQueue } from "./bullmq-job-queue.ts";
import { createInProcessJobQueue } from "./in-process-job-queue.ts";
import type { JobHandlers } from "./job-handler.ts";
import type { JobQueue } from "./job-queue.ts";

export interface CreateJobQueueOptions {
  redisUrl?: string | undefined;
  databaseUrl?: string | undefined;
  storage: Storage;
  handlers: JobHandlers;
}

/** BullMQ when Redis is configured, else the same handlers in this process. */
export function createJobQueue(options: CreateJobQueueOptions): JobQueue {
  if (!options.redisUrl) return createInProcessJobQueue(options);
  if (!options.databaseUrl) {
    throw new Error(
      "REDIS_URL is set but DATABASE_URL is not: BullMQ workers run in other processes and cannot " +
        "open the embedded database. Set DATABASE_URL to a PostgreSQL server, or unset REDIS_URL.",
    );
  }
  return createBullmqJobQueue({ redisUrl: options.redisUrl });
}
