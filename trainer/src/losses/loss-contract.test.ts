import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { crossEntropyLoss } from "./cross-entropy.ts";
import { crossEntropyDiceLoss } from "./cross-entropy-dice.ts";
import { generalizedCrossEntropyLoss } from "./generalized-cross-entropy.ts";
import type { LossFunction } from "./loss-function.ts";
import { nceRceLoss } from "./nce-rce.ts";
import { nflMaeLoss } from "./nfl-mae.ts";
import { softDiceLoss } from "./soft-dice.ts";
import {
  analyticGradient,
  type LossCase,
  leakedTensors,
  lossValue,
  numericalGradient,
  useCpuBackend,
} from "./testing/loss-harness.ts";

const losses: [string, LossFunction][] = [
  ["crossEntropy", crossEntropyLoss({ classWeights: [0.5, 1, 2] })],
  ["softDice", softDiceLoss()],
  ["crossEntropyDice", crossEntropyDiceLoss({ dice: { excludeBackground: true } })],
  ["generalizedCrossEntropy", generalizedCrossEntropyLoss({ q: 0.7 })],
  ["nceRce", nceRceLoss()],
  ["nflMae", nflMaeLoss({ gamma: 0.5 })],
  // γ < 1 is where (1 − p)^γ has an unbounded derivative at p → 1.
  ["nflMae γ=0.2", nflMaeLoss({ gamma: 0.2 })],
];

// Soft Dice sums over the batch before dividing, so only the others average per pixel.
const perPixelLosses = losses.filter(([name]) => !name.includes("ice"));

/** Two pixels × 3 classes: the target class saturated at p → 1, and at p → 0. */
const saturated: LossCase[] = [
  { yTrue: [1, 0, 0, 1, 0, 0], logits: [30, -30, -30, -30, 30, -30], shape: [1, 1, 2, 3] },
  { yTrue: [0.7, 0.2, 0.1, 0, 0, 1], logits: [30, -30, 0, -30, -30, 30], shape: [2, 1, 1, 3] },
];

const moderate: LossCase = {
  yTrue: [0.6, 0.3, 0.1, 0.05, 0.15, 0.8],
  logits: [0.3, -1.2, 0.8, 1.1, 0.4, -0.6],
  shape: [1, 2, 1, 3],
};

function expectGradientsAgree(loss: LossFunction, c: LossCase): void {
  const analytic = analyticGradient(loss, c);
  const numeric = numericalGradient(loss, c);
  for (let i = 0; i < numeric.length; i++) {
    expect(Number.isFinite(analytic[i])).toBe(true);
    expect(Math.abs(analytic[i]! - numeric[i]!)).toBeLessThan(2e-3 + 1e-2 * Math.abs(numeric[i]!));
  }
}

describe.each(losses)("%s", (_name, loss) => {
  beforeAll(useCpuBackend);

  it("has autodiff gradients that match central differences at moderate logits", () => {
    expectGradientsAgree(loss, moderate);
  });

  it("keeps value and gradients finite, and correct, with logits at ±30 (p → 0 and p → 1)", () => {
    for (const c of saturated) {
      expect(Number.isFinite(lossValue(loss, c))).toBe(true);
      expectGradientsAgree(loss, c);
    }
  });

  it("leaks no tensors from the loss or its gradient", () => {
    const yTrue = tf.tensor(moderate.yTrue, [...moderate.shape]);
    const logits = tf.tensor(moderate.logits, [...moderate.shape]);
    expect(leakedTensors(() => loss(yTrue, logits).dispose())).toBe(0);
    expect(
      leakedTensors(() =>
        tf
          .grad((z: tf.Tensor) => loss(yTrue, z))(logits)
          .dispose(),
      ),
    ).toBe(0);
    tf.dispose([yTrue, logits]);
  });

  it("rejects targets and logits of different shapes, allocating nothing", () => {
    const yTrue = tf.zeros([1, 2, 2, 3]);
    const logits = tf.zeros([1, 2, 2, 4]);
    expect(leakedTensors(() => expect(() => loss(yTrue, logits)).toThrow(/differ/))).toBe(0);
    tf.dispose([yTrue, logits]);
  });
});

describe.each(perPixelLosses)("%s reduction", (_name, loss) => {
  beforeAll(useCpuBackend);

  it("is the mean of the per-pixel losses, whether pixels lie along batch, rows or columns", () => {
    const pixel = (i: number): LossCase => ({
      yTrue: moderate.yTrue.slice(3 * i, 3 * i + 3),
      logits: moderate.logits.slice(3 * i, 3 * i + 3),
      shape: [1, 1, 1, 3],
    });
    const mean = (lossValue(loss, pixel(0)) + lossValue(loss, pixel(1))) / 2;
    // The two pixels differ, so a sum (or a single pixel) would not pass.
    expect(Math.abs(lossValue(loss, pixel(0)) - lossValue(loss, pixel(1)))).toBeGreaterThan(0.01);
    for (const shape of [
      [2, 1, 1, 3],
      [1, 2, 1, 3],
      [1, 1, 2, 3],
    ]) {
      expect(lossValue(loss, { ...moderate, shape })).toBeCloseTo(mean, 6);
    }
  });
});
