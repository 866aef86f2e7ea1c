import {
  createTestStorage,
  evaluations,
  fusionRuns,
  type Storage,
  seedDemoStudy,
  type TestStorage,
  trainingRuns,
} from "@crowdseg/db";
import { runFusionJob } from "@crowdseg/fusion";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridReport } from "./grid-report.ts";
import { runGrid } from "./run-grid.ts";

describe(`the experiment grid on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let testStorage: TestStorage;
  let storage: Storage;
  let studyId: number;
  let fusionRunId: number;
  beforeAll(async () => {
    testStorage = await createTestStorage();
    storage = testStorage.storage;
    const seeded = await seedDemoStudy(storage, {
      patients: 5,
      annotatedPatients: 5,
      width: 32,
      height: 32,
      slices: 4,
      ratersPerSlice: 3,
    });
    studyId = seeded!.studyId;
    const [fusion] = await storage.db
      .insert(fusionRuns)
      .values({ studyId, method: "majority-vote" })
      .returning();
    fusionRunId = fusion!.id;
    await runFusionJob({
      storage,
      runId: fusionRunId,
      reportProgress: () => {},
      runInThread: async (task) => {
        const module = (await import(task.module)) as Record<
          string,
          (input: unknown, report: () => void) => unknown
        >;
        return module[task.exportName]!(task.input, () => {}) as never;
      },
    });
    await storage.db
      .update(fusionRuns)
      .set({ status: "succeeded" })
      .where(eq(fusionRuns.id, fusionRunId));
  });
  afterAll(() => testStorage.close());

  it("runs every label source × loss as a stored training run and reports the gap to expert training", async () => {
    const done: string[] = [];
    const results = await runGrid(storage, {
      studyId,
      labelSources: [
        { name: "expert", source: { kind: "reference" } },
        { name: "majority vote", source: { kind: "fusion", fusionRunId } },
        { name: "missing rater", source: { kind: "rater", userId: 999_999 } },
      ],
      losses: ["ce", "nce+rce"],
      architectures: ["unet"],
      hyperparameters: {
        epochs: 2,
        imageSize: 32,
        batchSize: 4,
        learningRate: 3e-3,
        baseFilters: 4,
        depth: 2,
        split: { validationFraction: 0.2, testFraction: 0.4 },
      },
      backends: ["wasm"],
      onCellDone: (r) => done.push(`${r.labelSource}/${r.loss}/${r.status}`),
    });
    expect(done).toEqual([
      "expert/ce/succeeded",
      "expert/nce+rce/succeeded",
      "majority vote/ce/succeeded",
      "majority vote/nce+rce/succeeded",
      "missing rater/ce/failed",
      "missing rater/nce+rce/failed",
    ]);
    // 2 training + 1 validation patient × 2 phases × 4 slices; 3 crowd labels per slice.
    expect(results[0]!.labelsUsed).toEqual({ expert: 24, crowd: 0 });
    expect(results[2]!.labelsUsed).toEqual({ expert: 0, crowd: 72 });
    expect(results[4]!.error).toMatch(/rater 999999 has no labels/);

    const stored = await storage.db
      .select()
      .from(trainingRuns)
      .where(eq(trainingRuns.id, results[2]!.runId));
    expect(stored[0]).toMatchObject({ status: "succeeded", backend: "wasm" });
    expect(stored[0]!.metrics).toMatchObject({ epochsCompleted: 2, testVolumes: 4 });
    const rows = await storage.db
      .select()
      .from(evaluations)
      .where(eq(evaluations.trainingRunId, results[2]!.runId));
    expect(rows).toHaveLength(4);
    const failed = await storage.db
      .select()
      .from(trainingRuns)
      .where(eq(trainingRuns.id, results[4]!.runId));
    expect(failed[0]).toMatchObject({ status: "failed" });

    const report = gridReport(results, { title: "Phantom grid", notes: ["2 epochs, 32×32"] });
    expect(report.rows).toHaveLength(6);
    const vote = report.rows[2]!;
    expect(vote.diceGapToExpert).toBeCloseTo(report.rows[0]!.dice!.mean - vote.dice!.mean, 10);
    expect(
      report.answer.some((a) =>
        a.startsWith("Closest to expert-trained quality without expert labels:"),
      ),
    ).toBe(true);
    expect(report.answer.at(-1)).toMatch(/2 run\(s\) failed/);
    const tableRows = report.markdown.split("\n").filter((l) => l.startsWith("| "));
    expect(tableRows).toHaveLength(8); // header, separator and six runs
    expect(report.html).toContain("<svg");
    expect(report.html).not.toMatch(/<script/);
    expect(JSON.parse(report.json).rows).toHaveLength(6);
  });
});
