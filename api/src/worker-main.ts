import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase, DirectoryBlobStore, migrate } from "@crowdseg/db";
import { loadConfig } from "./config.ts";
import { defaultJobHandlers } from "./jobs/default-job-handlers.ts";
import { type QueueName, queueNames } from "./jobs/queue-names.ts";
import { startBullmqWorkers } from "./jobs/start-bullmq-workers.ts";

// `pnpm worker [--queues fusion,training] [--concurrency 1]`: BullMQ workers for any machine
const { values } = parseArgs({
  options: {
    queues: { type: "string", default: queueNames.join(",") },
    concurrency: { type: "string", default: "1" },
  },
});
const queues = values.queues.split(",").map((name) => name.trim());
const unknown = queues.filter((name) => !queueNames.includes(name as QueueName));
const concurrency = Number(values.concurrency);
if (unknown.length > 0 || !Number.isInteger(concurrency) || concurrency < 1) {
  console.error(
    `usage: pnpm worker [--queues ${queueNames.join(",")}] [--concurrency N]` +
      (unknown.length > 0
        ? `\nunknown queue: ${unknown.join(", ")}`
        : "\n--concurrency must be a whole number ≥ 1"),
  );
  process.exit(2);
}
const config = loadConfig();
if (!config.REDIS_URL || !config.DATABASE_URL) {
  console.error(
    "pnpm worker needs REDIS_URL (the BullMQ queues) and DATABASE_URL (a PostgreSQL server it shares " +
      "with the API). Without them, `pnpm start` runs the same jobs in its own process.",
  );
  process.exit(2);
}
const handle = await createDatabase({ databaseUrl: config.DATABASE_URL });
await migrate(handle);
const workers = await startBullmqWorkers({
  redisUrl: config.REDIS_URL,
  storage: { db: handle.db, blobs: new DirectoryBlobStore(path.join(config.DATA_DIR, "blobs")) },
  handlers: defaultJobHandlers,
  queues: queues as QueueName[],
  concurrency,
});
console.log(
  `CrowdSeg worker processing ${queues.join(", ")} (concurrency ${concurrency}) from ${config.REDIS_URL}`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    // close waits for the jobs in hand, so a deploy does not turn them into stalled retries
    workers.close().then(
      () => handle.close().then(() => process.exit(0)),
      () => process.exit(1),
    );
  });
}
