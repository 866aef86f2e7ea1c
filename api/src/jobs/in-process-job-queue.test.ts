import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInProcessJobQueue } from "./in-process-job-queue.ts";
import { InvalidJobError } from "./invalid-job-error.ts";
import { processJob } from "./process-job.ts";
import { histogramHandlers } from "./test-fixtures/histogram-handler.ts";
import {
  createFusionRun,
  type JobTestSetup,
  setUpJobTest,
  waitForFusionRun,
} from "./test-fixtures/job-test-setup.ts";

describe("in-process jobs (the embedded default, no Redis)", () => {
  let setup: JobTestSetup;
  beforeAll(async () => {
    setup = await setUpJobTest();
  });
  afterAll(async () => {
    await setup.close();
  });

  it("runs an enqueued job on the database and a worker thread, recording progress and metrics", async () => {
    const queue = createInProcessJobQueue({
      storage: setup.storage,
      handlers: histogramHandlers(),
    });
    const runId = await createFusionRun(setup.storage, setup.studyId);
    await queue.enqueue("fusion", { runId });
    const run = await waitForFusionRun(setup.storage, runId, ["succeeded", "failed"]);
    await queue.close();
    expect(run.status).toBe("succeeded");
    // the thread's emitted events reached the handler: one per map, 32×32 pixels each
    expect(run.metrics).toEqual({
      annotations: 18,
      histogram: setup.expectedHistogram,
      attempt: 1,
      pixelsSeen: 18 * 32 * 32,
    });
    expect(run.progress).toEqual({ fraction: 1, message: "done" });
    expect(run.startedAt).not.toBeNull();
    expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(run.startedAt!.getTime());
  });

  it("retries a failing job with backoff and succeeds on a later attempt", async () => {
    const queue = createInProcessJobQueue({
      storage: setup.storage,
      handlers: histogramHandlers({ failures: 2 }),
      backoffMs: 10,
    });
    const runId = await createFusionRun(setup.storage, setup.studyId);
    await queue.enqueue("fusion", { runId });
    const run = await waitForFusionRun(setup.storage, runId, ["succeeded", "failed"]);
    await queue.close();
    expect(run.status).toBe("succeeded");
    expect(run.metrics).toMatchObject({ attempt: 3 });
    expect(run.error).toBeNull();
  });

  it("marks a run failed with the thread's message once every attempt has failed", async () => {
    const queue = createInProcessJobQueue({
      storage: setup.storage,
      handlers: histogramHandlers({ failWith: "out of cheese" }),
      backoffMs: 10,
    });
    const runId = await createFusionRun(setup.storage, setup.studyId);
    await queue.enqueue("fusion", { runId });
    const run = await waitForFusionRun(setup.storage, runId, ["failed"]);
    await queue.close();
    expect(run.error).toBe("out of cheese");
    expect(run.finishedAt).not.toBeNull();
  });

  it("validates payloads on enqueue and again when the job runs", async () => {
    const queue = createInProcessJobQueue({
      storage: setup.storage,
      handlers: histogramHandlers(),
    });
    await expect(queue.enqueue("fusion", { runId: -1 })).rejects.toThrow(/runId/);
    await expect(queue.enqueue("fusion", { runId: 1, extra: true } as never)).rejects.toThrow();
    await queue.close();
    const attempt = (payload: unknown) =>
      processJob({
        queue: "fusion",
        payload,
        attempt: 1,
        maxAttempts: 3,
        storage: setup.storage,
        handlers: histogramHandlers(),
      });
    await expect(attempt({ runId: "7" })).rejects.toBeInstanceOf(InvalidJobError);
    await expect(attempt({ runId: 999_999 })).rejects.toThrow(/fusion run 999999 does not exist/);
  });
});
