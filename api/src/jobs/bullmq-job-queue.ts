import { Queue } from "bullmq";
import { jobPayloadSchema } from "./job-payload.ts";
import { type JobQueue, jobAttempts, jobBackoffMs } from "./job-queue.ts";
import { type QueueName, queueNames } from "./queue-names.ts";
import { redisConnection } from "./redis-connection.ts";

export interface BullmqJobQueueOptions {
  redisUrl: string;
  /** BullMQ key prefix; tests use one per test so queues never share jobs */
  prefix?: string;
}

export function createBullmqJobQueue(options: BullmqJobQueueOptions): JobQueue {
  const connection = redisConnection(options.redisUrl);
  const queues = new Map(
    queueNames.map((name) => [
      name,
      new Queue(name, { connection, prefix: options.prefix ?? "crowdseg" }),
    ]),
  );
  return {
    kind: "bullmq",
    async enqueue(queue: QueueName, payload) {
      const data = jobPayloadSchema.parse(payload);
      const job = await queues.get(queue)!.add(queue, data, {
        attempts: jobAttempts,
        backoff: { type: "exponential", delay: jobBackoffMs },
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: { age: 30 * 24 * 3600 },
      });
      return job.id!;
    },
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}
