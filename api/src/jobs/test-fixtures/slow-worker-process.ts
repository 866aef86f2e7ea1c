// A `pnpm worker` stand-in for the kill test: a BullMQ worker whose handler announces that it has
// started and then never finishes, so the test can kill this process in the middle of a job.
import { createDatabase, DirectoryBlobStore } from "@crowdseg/db";
import { startBullmqWorkers } from "../start-bullmq-workers.ts";

const [databaseUrl, redisUrl, prefix, blobRoot] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
];
const handle = await createDatabase({ databaseUrl });
const hang = async () => {
  console.log("job started");
  await new Promise(() => {});
  return {};
};
await startBullmqWorkers({
  redisUrl,
  prefix,
  storage: { db: handle.db, blobs: new DirectoryBlobStore(blobRoot) },
  handlers: { fusion: hang, training: hang },
  queues: ["fusion"],
  lockDurationMs: 1500,
  stalledIntervalMs: 1000,
});
console.log("worker ready");
