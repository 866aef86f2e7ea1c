import {
  createTestStorage,
  decodeSoftLabel,
  fusionRuns,
  raterEstimates,
  type Storage,
  seedDemoStudy,
  softLabels,
  type TestStorage,
  users,
} from "@crowdseg/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FusionJobError } from "./fusion-job-error.ts";
import { type FusionJobContext, runFusionJob } from "./run-fusion-job.ts";

/** The job runner's contract, with the thread task called inline (the API tests the threads). */
function contextFor(storage: Storage, runId: number, progress: number[]): FusionJobContext {
  return {
    storage,
    runId,
    reportProgress: (p) => progress.push(p.fraction),
    runInThread: async <Output>(task: { module: string; exportName: string; input: unknown }) => {
      const module = (await import(task.module)) as Record<
        string,
        (input: unknown, report: (p: { fraction: number }) => void) => Output
      >;
      return module[task.exportName]!(task.input, (p) => progress.push(p.fraction));
    },
  };
}

describe(`the fusion-run job on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let testStorage: TestStorage;
  let storage: Storage;
  let studyId: number;
  beforeAll(async () => {
    testStorage = await createTestStorage();
    storage = testStorage.storage;
    const seeded = await seedDemoStudy(storage, {
      patients: 2,
      annotatedPatients: 2,
      width: 64,
      height: 64,
      slices: 6,
      ratersPerSlice: 5,
      goldRate: 0.25,
    });
    studyId = seeded!.studyId;
  });
  afterAll(() => testStorage.close());

  async function createRun(method: string, priors: string[] = []) {
    const [run] = await storage.db
      .insert(fusionRuns)
      .values({ studyId, method, priors })
      .returning();
    return run!.id;
  }

  it("fuses every annotated slice with STAPLE, stores soft labels and rater estimates, and beats majority vote", async () => {
    const runId = await createRun("staple", ["myocardiumEnclosesLv", "singleComponent"]);
    const progress: number[] = [];
    const metrics = await runFusionJob(contextFor(storage, runId, progress));
    expect(metrics).toMatchObject({
      method: "staple",
      priorsApplied: ["singleComponent", "myocardiumEnclosesLv"],
      slices: 24,
      raters: 7,
      referenceSlices: 24,
    });
    // 64×64 slices keep structures small, so pixel-sized rater errors cost a lot of Dice
    expect(metrics.meanDice as number).toBeGreaterThan(0.75);
    expect(metrics.meanDice as number).toBeGreaterThan(metrics.majorityVoteMeanDice as number);
    expect(progress.at(-1)).toBeGreaterThan(0.9);

    const stored = await storage.db
      .select()
      .from(softLabels)
      .where(eq(softLabels.fusionRunId, runId));
    expect(stored).toHaveLength(24);
    const p = decodeSoftLabel(stored[0]!.probabilities, 4, 64 * 64);
    for (let i = 0; i < 64 * 64; i += 97) {
      const total = p[i]! + p[4096 + i]! + p[2 * 4096 + i]! + p[3 * 4096 + i]!;
      expect(total).toBeCloseTo(1, 1);
    }

    const estimates = await storage.db
      .select({
        email: users.email,
        weight: raterEstimates.weight,
        confusion: raterEstimates.confusion,
      })
      .from(raterEstimates)
      .innerJoin(users, eq(users.id, raterEstimates.userId))
      .where(eq(raterEstimates.fusionRunId, runId));
    const weight = (kind: string) =>
      estimates.find((e) => e.email === `rater-${kind}@demo.crowdseg`)!.weight!;
    expect(weight("expert")).toBeGreaterThan(0.8);
    expect(weight("spammer")).toBeLessThan(0.2);
    expect(weight("expert")).toBeGreaterThan(weight("sloppy"));
    // each row of the stored matrix is a distribution over what the rater said
    for (const row of estimates[0]!.confusion!)
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it("replaces its own output when run again, so a retry leaves no duplicates", async () => {
    const runId = await createRun("reliability-weighted");
    await runFusionJob(contextFor(storage, runId, []));
    const again = await runFusionJob(contextFor(storage, runId, []));
    const stored = await storage.db
      .select()
      .from(softLabels)
      .where(eq(softLabels.fusionRunId, runId));
    expect(stored).toHaveLength(24);
    expect(again.slices).toBe(24);
  });

  it("refuses an unknown method or prior without retrying", async () => {
    const badMethod = await createRun("telepathy");
    await expect(runFusionJob(contextFor(storage, badMethod, []))).rejects.toThrow(
      /unknown fusion method "telepathy"/,
    );
    const badPrior = await createRun("staple", ["wishfulThinking"]);
    const attempt = runFusionJob(contextFor(storage, badPrior, []));
    await expect(attempt).rejects.toBeInstanceOf(FusionJobError);
    await expect(attempt).rejects.toMatchObject({ retryable: false });
  });
});
