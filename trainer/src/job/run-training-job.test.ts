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
import * as tf from "@tensorflow/tfjs-core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TrainingDataError } from "../dataset/training-data-error.ts";
import { useBackend } from "../testing/backend-comparison.ts";
import { decodeCheckpoint } from "../training/checkpoint-codec.ts";
import { checkpointKeyOf, runTrainingJob } from "./run-training-job.ts";
import { inlineJobContext, type JobLog, workerJobContext } from "./testing/job-contexts.ts";
import { TrainingJobError } from "./training-job-error.ts";

/** A U-Net small enough to learn 32×32 phantom slices in seconds on a loaded machine. */
const TINY = {
  imageSize: 32,
  batchSize: 6,
  learningRate: 1e-2,
  baseFilters: 8,
  depth: 2,
  seed: 3,
  split: { validationFraction: 0.2, testFraction: 0.2 },
};

const log = (): JobLog => ({ progress: [], events: [] });

describe(`the training-run job on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let testStorage: TestStorage;
  let storage: Storage;
  let studyId: number;
  beforeAll(async () => {
    testStorage = await createTestStorage();
    storage = testStorage.storage;
    const seeded = await seedDemoStudy(storage, {
      patients: 5,
      annotatedPatients: 5,
      width: 48,
      height: 48,
      slices: 6,
      ratersPerSlice: 5,
    });
    studyId = seeded!.studyId;
  });
  afterAll(() => testStorage.close());

  async function createRun(values: Partial<typeof trainingRuns.$inferInsert> = {}) {
    const [run] = await storage.db
      .insert(trainingRuns)
      .values({
        studyId,
        architecture: "unet",
        loss: "ce",
        labelSource: { kind: "reference" },
        hyperparameters: { ...TINY, epochs: 6 },
        ...values,
      })
      .returning();
    return run!.id;
  }

  it("trains a tiny U-Net on the expert labels well above chance, checkpoints it and scores the held-out patient", async () => {
    // The phantom's heart covers 4 % of the slice: CE+Dice and three poolings find it in ten epochs.
    const runId = await createRun({
      loss: "ce+dice",
      hyperparameters: {
        ...TINY,
        imageSize: 48,
        depth: 3,
        batchSize: 4,
        learningRate: 3e-3,
        epochs: 10,
      },
    });
    const seen = log();
    await useBackend("wasm");
    const tensorsBefore = tf.memory().numTensors;
    const metrics = await runTrainingJob(inlineJobContext(storage, runId, seen), {
      backends: ["wasm"],
    });
    // Model, optimizer, batches, validation and test predictions: all freed.
    expect(tf.memory().numTensors).toBe(tensorsBefore);

    expect(metrics).toMatchObject({
      backend: "wasm",
      epochsCompleted: 10,
      trainSlices: 36,
      validationSlices: 12,
    });
    const history = metrics.history as { validationDice: number }[];
    // Labelling every pixel at random by the class frequencies scores about 0.03; an untrained
    // network labels all background and scores 0 (as the first epoch here still does).
    expect(history[0]!.validationDice).toBeLessThan(0.05);
    expect(metrics.bestValidationDice as number).toBeGreaterThan(0.45);
    expect(Math.max(...history.map((h) => h.validationDice))).toBe(metrics.bestValidationDice);

    const [run] = await storage.db.select().from(trainingRuns).where(eq(trainingRuns.id, runId));
    expect(run!.backend).toBe("wasm");
    expect(run!.checkpointKey).toBe(checkpointKeyOf(runId));
    const checkpoint = decodeCheckpoint(await storage.blobs.get(run!.checkpointKey!));
    expect(checkpoint.epoch).toBe(10);
    expect(checkpoint.bestWeights).not.toBeNull();
    expect(seen.events.filter((e) => (e as { type: string }).type === "checkpoint")).toHaveLength(
      10,
    );

    // One held-out patient: its ED and ES volumes, scored in mm (the phantom has a spacing).
    const test = metrics.test as {
      distanceUnit: string;
      meanDice: Record<string, number>;
      patients: unknown[];
      agreement: unknown;
    };
    expect(metrics.testVolumes).toBe(2);
    expect(test.distanceUnit).toBe("mm");
    expect(test.meanDice.lv).toBeGreaterThan(0.5);
    expect(test.meanDice.mean).toBeGreaterThan(0.3);
    expect(test.agreement).toBeNull(); // Bland–Altman needs two patients
    const rows = await storage.db
      .select()
      .from(evaluations)
      .where(eq(evaluations.trainingRunId, runId));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.dice).toBeGreaterThan(0.2);
      expect(Object.keys(row.metrics)).toEqual(
        expect.arrayContaining(["dice_rv", "dice_myocardium", "dice_lv", "hd95_lv"]),
      );
    }

    const epochs = seen.progress.filter((p) => p.validationDice !== undefined).map((p) => p.epoch);
    expect(epochs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const fractions = seen.progress.map((p) => p.fraction);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
  });

  it("resumes a crashed attempt from its stored checkpoint to the weights of an uninterrupted run", async () => {
    const hyperparameters = {
      ...TINY,
      epochs: 2,
      split: { validationFraction: 0.2, testFraction: 0 },
    };
    const crashed = await createRun({ hyperparameters });
    const crash = (event: unknown) => {
      if ((event as { type: string }).type === "checkpoint") throw new Error("worker thread died");
    };
    await expect(
      runTrainingJob(inlineJobContext(storage, crashed, log(), crash), { backends: ["wasm"] }),
    ).rejects.toThrow(/worker thread died/);
    const [afterCrash] = await storage.db
      .select()
      .from(trainingRuns)
      .where(eq(trainingRuns.id, crashed));
    expect(decodeCheckpoint(await storage.blobs.get(afterCrash!.checkpointKey!)).epoch).toBe(1);

    const retried = await runTrainingJob(inlineJobContext(storage, crashed, log()), {
      backends: ["wasm"],
    });
    expect(retried).toMatchObject({
      resumedFromEpoch: 1,
      epochsCompleted: 2,
      testVolumes: 0,
      test: null,
    });

    const straight = await createRun({ hyperparameters });
    await runTrainingJob(inlineJobContext(storage, straight, log()), { backends: ["wasm"] });
    const weights = async (id: number) =>
      decodeCheckpoint(await storage.blobs.get(checkpointKeyOf(id))).weights.map((w) => w.values);
    const [a, b] = [await weights(crashed), await weights(straight)];
    let max = 0;
    for (const [i, w] of a.entries())
      for (let j = 0; j < w.length; j++) max = Math.max(max, Math.abs(w[j]! - b[i]![j]!));
    expect(max).toBeLessThan(1e-5);
  });

  it("trains on a fusion run's soft labels with NCE+RCE on a real worker thread", async () => {
    const [fusion] = await storage.db
      .insert(fusionRuns)
      .values({ studyId, method: "staple" })
      .returning();
    await runFusionJob({
      storage,
      runId: fusion!.id,
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
      .where(eq(fusionRuns.id, fusion!.id));
    const runId = await createRun({
      loss: "nce+rce",
      labelSource: { kind: "fusion", fusionRunId: fusion!.id },
      hyperparameters: { ...TINY, epochs: 2 },
    });
    const seen = log();
    const metrics = await runTrainingJob(workerJobContext(storage, runId, seen), {
      backends: ["wasm"],
    });
    expect(metrics).toMatchObject({
      backend: "wasm",
      loss: "nce+rce",
      epochsCompleted: 2,
      testVolumes: 2,
    });
    expect(seen.events.map((e) => (e as { type: string }).type)).toEqual([
      "backend",
      "checkpoint",
      "checkpoint",
    ]);
    expect(seen.progress.some((p) => p.loss !== undefined)).toBe(true);
    const rows = await storage.db
      .select()
      .from(evaluations)
      .where(eq(evaluations.trainingRunId, runId));
    expect(rows).toHaveLength(2);
  });

  it("fails without retry on a label source, architecture or setting that can never work", async () => {
    const cases = [
      [
        { labelSource: { kind: "rater", userId: 999_999 } },
        TrainingDataError,
        /rater 999999 has no labels/,
      ],
      [{ architecture: "segnet" }, TrainingJobError, /unknown architecture "segnet"/],
      [{ loss: "focal" }, TrainingJobError, /unknown loss "focal"/],
      [
        { hyperparameters: { imageSize: 40 } },
        TrainingJobError,
        /imageSize 40 must be a multiple of 16/,
      ],
      [{ hyperparameters: { epoch: 3 } }, TrainingJobError, /unknown hyperparameters: epoch/],
    ] as const;
    for (const [values, kind, message] of cases) {
      const runId = await createRun(values as Partial<typeof trainingRuns.$inferInsert>);
      const attempt = runTrainingJob(inlineJobContext(storage, runId, log()), {
        backends: ["wasm"],
      });
      await expect(attempt).rejects.toThrow(message);
      await expect(attempt).rejects.toBeInstanceOf(kind);
      await expect(attempt).rejects.toMatchObject({ retryable: false });
    }
    await expect(runTrainingJob(inlineJobContext(storage, 987_654, log()))).rejects.toThrow(
      /training run 987654 does not exist/,
    );
  });
});
