import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fusionRuns } from "@crowdseg/db";
import { Queue } from "bullmq";
import { eq } from "drizzle-orm";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBullmqJobQueue } from "./bullmq-job-queue.ts";
import { redisConnection } from "./redis-connection.ts";
import { startBullmqWorkers } from "./start-bullmq-workers.ts";
import { histogramHandlers } from "./test-fixtures/histogram-handler.ts";
import {
  createFusionRun,
  type JobTestSetup,
  setUpJobTest,
  waitForFusionRun,
} from "./test-fixtures/job-test-setup.ts";

const redisUrl = process.env.REDIS_URL!;
const repoRoot = path.resolve(import.meta.dirname, "../../..");

describe("BullMQ jobs on Redis and PostgreSQL", () => {
  let setup: JobTestSetup;
  const cleanups: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    setup = await setUpJobTest();
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await setup.close();
  });

  it("runs a job enqueued through the queue in a worker, its status visible on the run", async () => {
    const prefix = `test-${randomUUID()}`;
    const queue = createBullmqJobQueue({ redisUrl, prefix });
    const workers = await startBullmqWorkers({
      redisUrl,
      prefix,
      storage: setup.storage,
      handlers: histogramHandlers(),
      queues: ["fusion"],
    });
    cleanups.push(
      () => queue.close(),
      () => workers.close(),
    );
    const runId = await createFusionRun(setup.storage, setup.studyId);
    const jobId = await queue.enqueue("fusion", { runId });
    const run = await waitForFusionRun(setup.storage, runId, ["succeeded", "failed"]);
    expect(run.status).toBe("succeeded");
    expect(run.metrics).toMatchObject({ annotations: 18, histogram: setup.expectedHistogram });
    const inspector = new Queue("fusion", { connection: redisConnection(redisUrl), prefix });
    cleanups.push(() => inspector.close());
    const job = await inspector.getJob(jobId);
    expect(await job!.getState()).toBe("completed");
    expect(job!.progress).toMatchObject({ fraction: 1 });
  });

  it("fails a job with an invalid payload at once, without retries", async () => {
    const prefix = `test-${randomUUID()}`;
    const raw = new Queue("fusion", { connection: redisConnection(redisUrl), prefix });
    const workers = await startBullmqWorkers({
      redisUrl,
      prefix,
      storage: setup.storage,
      handlers: histogramHandlers(),
      queues: ["fusion"],
    });
    cleanups.push(
      () => raw.close(),
      () => workers.close(),
    );
    // written straight to Redis, as a foreign producer might, bypassing enqueue's validation
    const job = await raw.add("fusion", { runId: "not a number" }, { attempts: 3, backoff: 100 });
    const deadline = Date.now() + 15_000;
    while ((await job.getState()) !== "failed" && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const failed = await raw.getJob(job.id!);
    expect(await failed!.getState()).toBe("failed");
    expect(failed!.attemptsMade).toBe(1);
    expect(failed!.failedReason).toMatch(/invalid fusion job payload/);
  });

  it("retries a job whose worker was killed mid-job, instead of losing it", async () => {
    const prefix = `test-${randomUUID()}`;
    const queue = createBullmqJobQueue({ redisUrl, prefix });
    cleanups.push(() => queue.close());
    const runId = await createFusionRun(setup.storage, setup.studyId);
    const databaseUrl = (setup.handle.client as pg.Pool).options.connectionString!;

    const child: ChildProcess = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "api/src/jobs/test-fixtures/slow-worker-process.ts",
        databaseUrl,
        redisUrl,
        prefix,
        "/tmp",
      ],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] },
    );
    cleanups.push(async () => child.kill("SIGKILL"));
    const started = new Promise<void>((resolve) =>
      child.stdout!.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("job started")) resolve();
      }),
    );
    await queue.enqueue("fusion", { runId });
    await started;
    const [midJob] = await setup.storage.db
      .select()
      .from(fusionRuns)
      .where(eq(fusionRuns.id, runId));
    expect(midJob!.status).toBe("running");
    child.kill("SIGKILL");

    const workers = await startBullmqWorkers({
      redisUrl,
      prefix,
      storage: setup.storage,
      handlers: histogramHandlers(),
      queues: ["fusion"],
      lockDurationMs: 1500,
      stalledIntervalMs: 500,
    });
    cleanups.push(() => workers.close());
    const run = await waitForFusionRun(setup.storage, runId, ["succeeded", "failed"], 30_000);
    expect(run.status).toBe("succeeded");
    expect(run.metrics).toMatchObject({ annotations: 18, histogram: setup.expectedHistogram });
  });
});
