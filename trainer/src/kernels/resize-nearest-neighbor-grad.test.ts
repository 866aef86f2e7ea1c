import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { relativeError, runOn, seededValues } from "../testing/backend-comparison.ts";

/** Gradient of nearest-neighbour 2x upsampling: each input pixel sums its 2x2 block of dy. */
function upsampleGradReference(dy: Float32Array, [n, h, w, c]: number[]): Float32Array {
  const out = new Float32Array(n! * h! * w! * c!);
  for (let b = 0; b < n!; b++)
    for (let y = 0; y < 2 * h!; y++)
      for (let x = 0; x < 2 * w!; x++)
        for (let k = 0; k < c!; k++) {
          const from = ((b * 2 * h! + y) * 2 * w! + x) * c! + k;
          const to = ((b * h! + (y >> 1)) * w! + (x >> 1)) * c! + k;
          out[to] = out[to]! + dy[from]!;
        }
  return out;
}

// Attention U-Net upsamples its gating signal this way. tfjs's cpu kernel is not a usable
// reference here: it gets every image after the first of a batch wrong (tfjs 4.22).
describe("ResizeNearestNeighborGrad on wasm (used as-is from the wasm backend)", () => {
  it("sums each 2x2 block of dy for every image of a batch, non-square", async () => {
    const shape = [3, 5, 4, 2];
    const dy = seededValues(3 * 10 * 8 * 2, 21);
    const [actual] = await runOn("wasm", () =>
      tf.grad((t: tf.Tensor) => tf.image.resizeNearestNeighbor(t as tf.Tensor4D, [10, 8]))(
        tf.zeros(shape),
        tf.tensor4d(dy, [3, 10, 8, 2]),
      ),
    );
    expect(relativeError(actual!, upsampleGradReference(dy, shape))).toBeLessThan(1e-6);
  });
});
