import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useCpuBackend } from "../losses/testing/loss-harness.ts";
import { createLoss, isLossName, LOSS_NAMES } from "./create-loss.ts";

describe("createLoss", () => {
  beforeAll(() => useCpuBackend());

  it("builds every loss the API names, each a finite scalar on soft targets and logits", () => {
    const values = LOSS_NAMES.map((name) =>
      tf.tidy(() => {
        const y = tf.tensor2d([0.7, 0.2, 0.1, 0, 1, 0], [2, 3]);
        const logits = tf.tensor2d([2, 0, -1, 0.5, 0.1, 0], [2, 3]);
        return createLoss(name)(y, logits).dataSync()[0]!;
      }),
    );
    for (const v of values) expect(Number.isFinite(v)).toBe(true);
    expect(new Set(values.map((v) => v.toFixed(6))).size).toBe(LOSS_NAMES.length);
  });

  it("passes the run's loss options on, and refuses values outside a loss's domain", () => {
    const value = (alpha: number) =>
      tf.tidy(
        () =>
          createLoss("nce+rce", { alpha, beta: 0.5 })(
            tf.tensor2d([1, 0], [1, 2]),
            tf.tensor2d([0, 1], [1, 2]),
          ).dataSync()[0]!,
      );
    expect(value(2)).toBeGreaterThan(value(1));
    expect(() => createLoss("gce", { q: 0 })).toThrow(/q/);
    expect(isLossName("ce+dice")).toBe(true);
    expect(isLossName("focal")).toBe(false);
  });
});
