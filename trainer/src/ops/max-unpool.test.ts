import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import {
  allocationCounts,
  relativeError,
  runOn,
  seededValues,
  useBackend,
} from "../testing/backend-comparison.ts";
import { maxUnpool } from "./max-unpool.ts";

const X_SHAPE: [number, number, number, number] = [2, 6, 8, 3];
// Distinct values, so every window has one maximum and the argmax is unambiguous.
const X = Float32Array.from(seededValues(2 * 6 * 8 * 3, 3), (v, i) => v + i * 1e-3);

/** Pool 2x2/2 with argmax, unpool, and the gradient of a weighted sum w.r.t. x through both. */
function poolUnpool(includeBatchInIndex: boolean) {
  return () => {
    const x = tf.tensor4d(X, X_SHAPE);
    const weights = tf.tensor4d(seededValues(X.length, 4), X_SHAPE);
    const { result, indexes } = tf.maxPoolWithArgmax(x, 2, 2, "valid", includeBatchInIndex);
    const unpooled = maxUnpool(
      result as tf.Tensor4D,
      indexes as tf.Tensor4D,
      X_SHAPE,
      includeBatchInIndex,
    );
    const dx = tf.grad((t: tf.Tensor) => {
      const pooled = tf.maxPoolWithArgmax(t as tf.Tensor4D, 2, 2, "valid", includeBatchInIndex);
      return tf.sum(
        tf.mul(
          weights,
          maxUnpool(
            pooled.result as tf.Tensor4D,
            pooled.indexes as tf.Tensor4D,
            X_SHAPE,
            includeBatchInIndex,
          ),
        ),
      );
    })(x);
    return [unpooled, dx];
  };
}

/** Where each 2x2 window's maximum sits: 1 there, 0 elsewhere. */
function argmaxMask(): Float32Array {
  const [n, h, w, c] = X_SHAPE;
  const mask = new Float32Array(X.length);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < h; i += 2)
      for (let j = 0; j < w; j += 2)
        for (let k = 0; k < c; k++) {
          let best = -1;
          for (const [di, dj] of [
            [0, 0],
            [0, 1],
            [1, 0],
            [1, 1],
          ] as const) {
            const at = ((b * h + i + di) * w + j + dj) * c + k;
            if (best < 0 || X[at]! > X[best]!) best = at;
          }
          mask[best] = 1;
        }
  return mask;
}

describe("maxUnpool and the MaxPoolWithArgmax gradient", () => {
  const mask = argmaxMask();
  const weights = seededValues(X.length, 4);

  for (const includeBatchInIndex of [true, false]) {
    it(`put maxima back in place and route gradients there on wasm and cpu (batch in index: ${includeBatchInIndex})`, async () => {
      for (const backend of ["cpu", "wasm"] as const) {
        const [unpooled, dx] = await runOn(backend, poolUnpool(includeBatchInIndex));
        // Unpooling keeps x at its window maxima and zeroes the rest.
        expect(
          relativeError(
            unpooled!,
            X.map((v, i) => v * mask[i]!),
          ),
        ).toBe(0);
        // d/dx sum(w * unpool(pool(x))) = w at the maxima, 0 elsewhere.
        expect(
          relativeError(
            dx!,
            weights.map((v, i) => v * mask[i]!),
          ),
        ).toBeLessThan(1e-7);
      }
    });
  }

  it("rejects indexes that do not match the values", async () => {
    await useBackend("wasm");
    expect(() =>
      tf.tidy(() =>
        maxUnpool(tf.zeros([1, 2, 2, 1]), tf.zeros([1, 2, 1, 1], "int32"), [1, 4, 4, 1], true),
      ),
    ).toThrow(/differ in shape/);
  });

  it("frees what it allocates, gradient included", async () => {
    await useBackend("wasm");
    const before = allocationCounts();
    tf.tidy(() => {
      poolUnpool(false)();
    });
    expect(allocationCounts()).toEqual(before);
  });
});
