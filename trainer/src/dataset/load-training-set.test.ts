import {
  createTestStorage,
  encodeSoftLabel,
  fusionRuns,
  type Storage,
  seedDemoStudy,
  slices,
  softLabels,
  studies,
  type TestStorage,
  users,
} from "@crowdseg/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTrainingSet } from "./load-training-set.ts";
import { TrainingDataError } from "./training-data-error.ts";

describe(`loadTrainingSet on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let testStorage: TestStorage;
  let storage: Storage;
  let studyId: number;
  beforeAll(async () => {
    testStorage = await createTestStorage();
    storage = testStorage.storage;
    const seeded = await seedDemoStudy(storage, {
      patients: 2,
      annotatedPatients: 1,
      width: 40,
      height: 48,
      slices: 3,
      ratersPerSlice: 3,
    });
    studyId = seeded!.studyId;
  });
  afterAll(() => testStorage.close());

  it("prepares every slice with the expert reference as one-hot targets resampled as probabilities", async () => {
    const set = await loadTrainingSet(storage, {
      studyId,
      labelSource: { kind: "reference" },
      imageSize: 16,
    });
    expect(set.classes).toBe(4);
    expect(set.volumes).toHaveLength(4);
    expect(set.labelledSlices).toBe(12);
    const volume = set.volumes[0]!;
    expect(volume).toMatchObject({ width: 40, height: 48, depth: 3, phase: "ED" });
    expect(volume.spacing).not.toBeNull();
    expect(volume.images).toHaveLength(3 * 16 * 16);
    expect(volume.reference).toHaveLength(40 * 48 * 3);
    // Normalised per slice: zero mean.
    const first = volume.images.subarray(0, 256);
    expect(first.reduce((a, b) => a + b, 0) / 256).toBeCloseTo(0, 4);
    const target = volume.targets[1]!;
    expect(target).toHaveLength(16 * 16 * 4);
    let fractional = 0;
    for (let i = 0; i < 256; i++) {
      const p = target.subarray(i * 4, i * 4 + 4);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      if (p.some((v) => v > 0.01 && v < 0.99)) fractional++;
    }
    // Boundaries shrunk 40×48 → 16×16 are shared between classes, not snapped to one.
    expect(fractional).toBeGreaterThan(10);
    // Every class of the reference survives the resampling.
    for (let k = 1; k < 4; k++)
      expect(volume.targets.some((t) => t!.some((v, i) => i % 4 === k && v > 0.5))).toBe(true);
  });

  it("takes one rater's annotations, leaving the slices they did not label without target", async () => {
    const [rater] = await storage.db
      .select()
      .from(users)
      .where(eq(users.email, "rater-careful@demo.crowdseg"));
    const set = await loadTrainingSet(storage, {
      studyId,
      labelSource: { kind: "rater", userId: rater!.id },
      imageSize: 16,
    });
    const labelled = set.volumes.flatMap((v) => v.targets.filter((t) => t !== null));
    expect(labelled.length).toBe(set.labelledSlices);
    expect(set.labelledSlices).toBeGreaterThan(0);
    expect(set.labelledSlices).toBeLessThan(6);
    // The unannotated patient has references for testing but no rater targets.
    expect(
      set.volumes.slice(2).every((v) => v.targets.every((t) => t === null) && v.reference !== null),
    ).toBe(true);
  });

  it("reads a fusion run's soft labels and keeps them soft", async () => {
    const [run] = await storage.db
      .insert(fusionRuns)
      .values({ studyId, method: "rater-mean", status: "succeeded" })
      .returning();
    const sliceRows = await storage.db.select().from(slices).where(eq(slices.studyId, studyId));
    const row = sliceRows[0]!;
    const pixels = row.width * row.height;
    const p = new Float32Array(4 * pixels);
    p.fill(0.5, 0, pixels); // background ½, RV ½ everywhere
    p.fill(0.5, pixels, 2 * pixels);
    await storage.db.insert(softLabels).values({
      fusionRunId: run!.id,
      sliceId: row.id,
      numClasses: 4,
      width: row.width,
      height: row.height,
      probabilities: encodeSoftLabel(p),
    });
    const set = await loadTrainingSet(storage, {
      studyId,
      labelSource: { kind: "fusion", fusionRunId: run!.id },
      imageSize: 8,
    });
    expect(set.labelledSlices).toBe(1);
    const target = set.volumes.flatMap((v) => v.targets).find((t) => t !== null)!;
    expect(target[0]).toBeCloseTo(0.5, 5);
    expect(target[1]).toBeCloseTo(0.5, 5);
    expect(target[2]).toBe(0);
  });

  it("refuses label sources that cannot give labels, without retry", async () => {
    const [other] = await storage.db
      .insert(studies)
      .values({ name: "other", classes: [] })
      .returning();
    const [foreign] = await storage.db
      .insert(fusionRuns)
      .values({ studyId: other!.id, method: "staple", status: "succeeded" })
      .returning();
    const [running] = await storage.db
      .insert(fusionRuns)
      .values({ studyId, method: "staple", status: "running" })
      .returning();
    const attempts = [
      [{ kind: "fusion", fusionRunId: foreign!.id }, /is not a run of study/],
      [
        { kind: "fusion", fusionRunId: running!.id },
        /is running: start training once it has succeeded/,
      ],
      [{ kind: "rater", userId: 999_999 }, /rater 999999 has no labels in study/],
      [{ kind: "crowd" }, /unknown label source kind "crowd"/],
    ] as const;
    for (const [labelSource, message] of attempts) {
      const attempt = loadTrainingSet(storage, {
        studyId,
        labelSource: labelSource as never,
        imageSize: 16,
      });
      await expect(attempt).rejects.toThrow(message);
      await expect(attempt).rejects.toBeInstanceOf(TrainingDataError);
      await expect(attempt).rejects.toMatchObject({ retryable: false });
    }
    await expect(
      loadTrainingSet(storage, {
        studyId: 424_242,
        labelSource: { kind: "reference" },
        imageSize: 16,
      }),
    ).rejects.toThrow(/study 424242 does not exist/);
  });
});
