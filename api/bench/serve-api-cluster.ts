import cluster from "node:cluster";
import { createDatabase, DirectoryBlobStore } from "@crowdseg/db";
import { serve } from "@hono/node-server";
import { createApp } from "../src/create-app.ts";
import { defaultJobHandlers } from "../src/jobs/default-job-handlers.ts";
import { createInProcessJobQueue } from "../src/jobs/in-process-job-queue.ts";

/**
 * The API as the benchmark runs it: WORKERS processes sharing one port through node:cluster
 * (the stateless scale-out of DESIGN.md on one machine), each with its own connection pool.
 * Prints "ready" once every worker listens.
 */
const workers = Number(process.env.WORKERS ?? 2);
const port = Number(process.env.PORT ?? 3100);

if (cluster.isPrimary) {
  let listening = 0;
  for (let i = 0; i < workers; i++) {
    const worker = cluster.fork();
    worker.on("message", (message) => {
      if (message === "listening" && ++listening === workers) console.log("ready");
    });
  }
  cluster.on("exit", (worker, code, signal) => {
    if (signal !== "SIGTERM" && code !== 0)
      console.error(`worker ${worker.process.pid} died (${code ?? signal})`);
  });
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    process.exit(0);
  });
} else {
  const handle = await createDatabase({
    databaseUrl: process.env.DATABASE_URL,
    maxConnections: Number(process.env.POOL ?? 16),
  });
  const storage = {
    db: handle.db,
    blobs: new DirectoryBlobStore(process.env.BLOB_DIR ?? "./data/bench-blobs"),
  };
  const app = createApp({
    ...storage,
    jobs: createInProcessJobQueue({ storage, handlers: defaultJobHandlers }),
  });
  serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => process.send?.("listening"));
  process.on("SIGTERM", () => {
    handle.close().finally(() => process.exit(0));
  });
}
