import { availableParallelism } from "node:os";
import { evaluations, seedDemoStudy, studyMembers, trainingRuns } from "@crowdseg/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestContext,
  createApiTestContext,
  type TestUser,
} from "../testing/api-test-context.ts";

describe(`a training run through the API on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let t: ApiTestContext;
  let researcher: TestUser;
  let studyId: number;
  beforeAll(async () => {
    t = await createApiTestContext();
    // three patients so that the split by patient leaves one each for training, validation and test
    const seeded = await seedDemoStudy(t.storage, {
      patients: 3,
      annotatedPatients: 3,
      width: 64,
      height: 64,
      slices: 4,
      ratersPerSlice: 3,
    });
    studyId = seeded!.studyId;
    researcher = await t.user("researcher");
    await t.storage.db
      .insert(studyMembers)
      .values({ studyId, userId: researcher.id, role: "researcher" });
  });
  afterAll(() => t.close());

  it("trains on a worker thread, records the backend and progress, and evaluates on held-out patients", async () => {
    const response = await t.call("POST", `/api/studies/${studyId}/training-runs`, {
      token: researcher.token,
      json: {
        architecture: "unet",
        loss: "ce",
        labelSource: { kind: "reference" },
        epochs: 2,
        imageSize: 64,
        batchSize: 4,
        baseFilters: 4,
      },
    });
    expect(response.status).toBe(202);
    const { run } = (await response.json()) as { run: { id: number } };
    let finished: typeof trainingRuns.$inferSelect | undefined;
    for (let i = 0; i < 600 && !finished; i++) {
      const [row] = await t.storage.db
        .select()
        .from(trainingRuns)
        .where(eq(trainingRuns.id, run.id));
      if (row && (row.status === "succeeded" || row.status === "failed")) finished = row;
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(finished?.error ?? null).toBeNull();
    expect(finished!.status).toBe("succeeded");
    // wasm here and in CI; webgpu on a machine with a Vulkan GPU.
    expect(["wasm", "webgpu"]).toContain(finished!.backend);
    // Training runs on wasm train data-parallel, one worker thread per core (at most 4).
    expect(finished!.metrics).toMatchObject({
      trainingWorkers: finished!.backend === "wasm" ? Math.min(availableParallelism(), 4) : 1,
    });
    expect(finished!.checkpointKey).not.toBeNull();
    expect(await t.storage.blobs.has(finished!.checkpointKey!)).toBe(true);
    const rows = await t.storage.db
      .select()
      .from(evaluations)
      .where(eq(evaluations.trainingRunId, run.id));
    expect(rows.length).toBeGreaterThan(0);
  }, 180_000);
});
