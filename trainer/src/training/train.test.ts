import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { crossEntropyLoss } from "../losses/cross-entropy.ts";
import { initializeWeights } from "../models/initialize-weights.ts";
import { createUNet } from "../models/unet.ts";
import { useBackend } from "../testing/backend-comparison.ts";
import { decodeCheckpoint, encodeCheckpoint, type TrainingCheckpoint } from "./checkpoint-codec.ts";
import { discSamples } from "./testing/disc-samples.ts";
import { type TrainOptions, type TrainProgress, train } from "./train.ts";
import { TrainingDivergedError } from "./training-diverged-error.ts";
import { validationDice } from "./validation-dice.ts";

const SIZE = 32;

function tinyUNet(baseFilters = 4) {
  const model = createUNet({ classes: 3, baseFilters, depth: 2, outputActivation: "linear" });
  initializeWeights(model, 5);
  return model;
}

function weightsOf(model: ReturnType<typeof createUNet>): Float32Array[] {
  return model.weights.map((w) => Float32Array.from(w.read().dataSync()));
}

function maxDifference(a: Float32Array[], b: Float32Array[]): number {
  let max = 0;
  for (const [i, w] of a.entries()) {
    for (let j = 0; j < w.length; j++) max = Math.max(max, Math.abs(w[j]! - b[i]![j]!));
  }
  return max;
}

const base: TrainOptions = {
  loss: crossEntropyLoss(),
  epochs: 2,
  batchSize: 8,
  learningRate: 3e-3,
  seed: 17,
};

describe("train on wasm", () => {
  beforeAll(() => useBackend("wasm"));

  it("teaches a tiny U-Net a disc-and-ring task well above chance, reporting as it goes", async () => {
    const model = tinyUNet(8);
    const validation = discSamples(16, SIZE, 2);
    const progress: TrainProgress[] = [];
    const before = await validationDice(model, validation, { batchSize: 8 });
    const result = await train(model, discSamples(64, SIZE, 1), validation, {
      ...base,
      epochs: 6,
      learningRate: 1e-2,
      onProgress: (p) => progress.push(p),
    });
    model.dispose();
    expect(result.epochsCompleted).toBe(6);
    expect(before.mean).toBeLessThan(0.45);
    // Chance Dice of two classes covering ~15 % of the image is about 0.15.
    expect(result.bestValidationDice!).toBeGreaterThan(0.75);
    const steps = progress.filter((p) => !p.endOfEpoch);
    expect(steps).toHaveLength(6 * 8);
    expect(steps.at(-1)!.step).toBe(48);
    expect(steps[0]!.loss).toBeGreaterThan(steps.at(-1)!.loss);
    const epochs = progress.filter((p) => p.endOfEpoch);
    expect(epochs.map((p) => p.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(epochs.every((p) => typeof p.validationDice === "number")).toBe(true);
    expect(epochs.at(-1)!.fraction).toBe(1);
    expect(result.history.map((h) => h.validationDice)).toEqual(
      epochs.map((p) => p.validationDice),
    );
  });

  it("resumes from a checkpoint to exactly the weights of an uninterrupted run", async () => {
    const trainSet = discSamples(20, SIZE, 3);
    const validation = discSamples(8, SIZE, 4);
    const config = { run: "resume-test" };

    const straight = tinyUNet();
    await train(straight, trainSet, validation, { ...base, config });
    // The model ends on its best epoch's weights; the checkpoint's `weights` are the last epoch's.
    const straightBest = weightsOf(straight);

    const first = tinyUNet();
    let saved: Uint8Array | null = null;
    await train(first, trainSet, validation, {
      ...base,
      epochs: 1,
      config,
      onCheckpoint: (c) => {
        saved = encodeCheckpoint(c);
      },
    });
    first.dispose();
    // A fresh model with other initial weights: everything must come from the checkpoint.
    const resumed = createUNet({
      classes: 3,
      baseFilters: 4,
      depth: 2,
      outputActivation: "linear",
    });
    initializeWeights(resumed, 99);
    let last: TrainingCheckpoint | null = null;
    const result = await train(resumed, trainSet, validation, {
      ...base,
      config,
      resumeFrom: decodeCheckpoint(saved!),
      onCheckpoint: (c) => {
        last = c;
      },
    });
    expect(result.epochsCompleted).toBe(2);
    expect(result.history).toHaveLength(2);
    expect(last!.step).toBe(6);
    expect(maxDifference(weightsOf(resumed), straightBest)).toBeLessThan(1e-5);

    // The test can fail: one epoch without the checkpoint's optimizer and stream ends elsewhere.
    const naive = tinyUNet();
    await train(naive, trainSet, validation, { ...base, epochs: 1, seed: 18, config });
    expect(maxDifference(weightsOf(naive), straightBest)).toBeGreaterThan(1e-3);
    for (const m of [straight, resumed, naive]) m.dispose();
  });

  it("leaks no tensors: training, checkpoints and validation free all they allocate", async () => {
    const before = tf.memory().numTensors;
    const model = tinyUNet();
    const perEpoch: number[] = [];
    await train(model, discSamples(10, SIZE, 5), discSamples(4, SIZE, 6), {
      ...base,
      epochs: 3,
      onProgress: (p) => {
        if (p.endOfEpoch) perEpoch.push(tf.memory().numTensors);
      },
    });
    // Adam's moments exist from the first step on, so the count is flat from epoch 1.
    expect(new Set(perEpoch).size).toBe(1);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("stops early when validation Dice stops improving and keeps the best epoch's weights", async () => {
    const model = tinyUNet();
    let bestWeights: Float32Array[] | null = null;
    const result = await train(model, discSamples(8, SIZE, 7), discSamples(4, SIZE, 8), {
      ...base,
      epochs: 10,
      learningRate: 1e-7,
      patience: 2,
      minDelta: 0.05,
      onCheckpoint: (c) => {
        if (c.epoch === 1) bestWeights = c.weights.map((w) => w.values as Float32Array);
      },
    });
    expect(result.stoppedEarly).toBe(true);
    expect(result.epochsCompleted).toBe(3);
    expect(result.bestEpoch).toBe(1);
    expect(maxDifference(weightsOf(model), bestWeights!)).toBe(0);
    model.dispose();
  });

  it("trains the warm-up epochs with the warm-up loss and never picks one of them as the best", async () => {
    const model = tinyUNet(8);
    const validation = discSamples(16, SIZE, 2);
    const losses: string[] = [];
    const ce = crossEntropyLoss();
    // Gradient ascent on CE after the warm-up: validation Dice can only fall from there.
    const unlearn = (y: tf.Tensor, logits: tf.Tensor) => {
      losses.push("unlearn");
      return tf.neg(ce(y, logits)) as tf.Scalar;
    };
    const warmupLoss = (y: tf.Tensor, logits: tf.Tensor) => {
      losses.push("warmup");
      return ce(y, logits);
    };
    const result = await train(model, discSamples(64, SIZE, 1), validation, {
      ...base,
      loss: unlearn,
      warmup: { epochs: 4, loss: warmupLoss },
      epochs: 6,
      learningRate: 1e-2,
    });
    model.dispose();
    expect(losses).toEqual([...Array(4 * 8).fill("warmup"), ...Array(2 * 8).fill("unlearn")]);
    const dice = result.history.map((h) => h.validationDice!);
    // The test can fail: the warm-up learnt, and a best epoch among all six would be a warm-up one.
    expect(Math.max(...dice.slice(0, 4))).toBeGreaterThan(Math.max(...dice.slice(4)));
    expect(result.bestEpoch).toBeGreaterThan(4);
    expect(result.bestValidationDice).toBe(Math.max(...dice.slice(4)));
    await expect(
      train(tinyUNet(), discSamples(8, SIZE, 1), null, {
        ...base,
        warmup: { epochs: 2, loss: ce },
      }),
    ).rejects.toThrow(/warm-up epochs must be an integer in \[0, epochs\)/);
  });

  it("refuses a checkpoint of other settings and fails without retry when the loss diverges", async () => {
    const model = tinyUNet();
    const trainSet = discSamples(8, SIZE, 9);
    let saved: TrainingCheckpoint | null = null;
    await train(model, trainSet, null, {
      ...base,
      epochs: 1,
      config: { learningRate: 3e-3 },
      onCheckpoint: (c) => {
        saved = c;
      },
    });
    await expect(
      train(model, trainSet, null, { ...base, config: { learningRate: 1e-2 }, resumeFrom: saved }),
    ).rejects.toThrow(/checkpoint was written under/);
    const nanLoss = (_y: tf.Tensor, logits: tf.Tensor) =>
      tf.mul(tf.mean(logits), Number.NaN) as tf.Scalar;
    const attempt = train(model, trainSet, null, { ...base, loss: nanLoss });
    await expect(attempt).rejects.toBeInstanceOf(TrainingDivergedError);
    await expect(attempt).rejects.toMatchObject({ retryable: false });
    model.dispose();
  });
});
