import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import {
  allocationCounts,
  runOn,
  seededValues,
  useBackend,
} from "../testing/backend-comparison.ts";
import { spatialDropout2d } from "./spatial-dropout.ts";

const SHAPE: [number, number, number, number] = [4, 5, 6, 50];
const X = Float32Array.from(seededValues(4 * 5 * 6 * 50, 8), (v) => v + 2); // no zeros

describe("spatialDropout2d", () => {
  it("drops whole feature maps, about `rate` of them, and rescales the rest (wasm)", async () => {
    const rate = 0.3;
    const [y, dx] = await runOn("wasm", () => {
      const x = tf.tensor4d(X, SHAPE);
      const out = spatialDropout2d(x, rate, 5);
      const grad = tf.grad((t: tf.Tensor) => tf.sum(spatialDropout2d(t as tf.Tensor4D, rate, 5)))(
        x,
      );
      return [out, grad];
    });
    const [n, h, w, c] = SHAPE;
    let dropped = 0;
    for (let b = 0; b < n; b++) {
      for (let k = 0; k < c; k++) {
        const ratios = new Set<number>();
        for (let p = 0; p < h * w; p++) {
          const at = (b * h * w + p) * c + k;
          ratios.add(Math.round((y![at]! / X[at]!) * 1e4) / 1e4);
          // The gradient of a sum is the same per-map factor.
          expect(dx![at]).toBeCloseTo(y![at]! / X[at]!, 5);
        }
        expect(ratios.size).toBe(1);
        const [ratio] = [...ratios];
        expect([0, Math.round((1 / (1 - rate)) * 1e4) / 1e4]).toContain(ratio);
        if (ratio === 0) dropped++;
      }
    }
    // 200 maps at rate 0.3: 60 expected; 35..85 is beyond 3.5 standard deviations.
    expect(dropped).toBeGreaterThan(35);
    expect(dropped).toBeLessThan(85);
  });

  it("is the identity at rate 0 and rejects rates outside [0, 1)", async () => {
    const [y] = await runOn("wasm", () => spatialDropout2d(tf.tensor4d(X, SHAPE), 0));
    expect(y).toEqual(X);
    expect(() => spatialDropout2d(tf.zeros([1, 1, 1, 1]), 1)).toThrow(/rate must be in \[0, 1\)/);
  });

  it("frees what it allocates", async () => {
    await useBackend("wasm");
    const x = tf.tensor4d(X, SHAPE);
    const before = allocationCounts();
    tf.tidy(() => {
      tf.grad((t: tf.Tensor) => tf.sum(spatialDropout2d(t as tf.Tensor4D, 0.5)))(x);
    });
    expect(allocationCounts()).toEqual(before);
    x.dispose();
  });
});
