import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../testing/backend-comparison.ts";
import { MaxUnpooling2D } from "./max-unpooling.ts";

// One channel, 4×4: the maxima of the four 2×2 windows are at (0,1), (1,3), (2,0), (3,3).
const POOL_INPUT = [1, 9, 2, 3, 4, 0, 5, 8, 7, 6, 1, 2, 5, 3, 0, 4];
const VALUES = [10, 20, 30, 40];

describe("MaxUnpooling2D", () => {
  beforeAll(() => useBackend("wasm"));

  it("puts each value where the pooling found its window's maximum, zeros elsewhere", () => {
    const layer = new MaxUnpooling2D({});
    const out = tf.tidy(() =>
      (
        layer.apply([
          tf.tensor4d(VALUES, [1, 2, 2, 1]),
          tf.tensor4d(POOL_INPUT, [1, 4, 4, 1]),
        ]) as tf.Tensor
      ).dataSync(),
    );
    expect([...out]).toEqual([0, 10, 0, 0, 0, 0, 0, 20, 30, 0, 0, 0, 0, 0, 0, 40]);
  });

  it("passes gradients to the values through the recovered positions, none to the pooled map", () => {
    const layer = new MaxUnpooling2D({});
    const weights = tf.tensor4d(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
      [1, 4, 4, 1],
    );
    const [dValues, dPoolInput] = tf.tidy(() =>
      tf
        .grads((values: tf.Tensor, poolInput: tf.Tensor) =>
          tf.sum(tf.mul(layer.apply([values, poolInput]) as tf.Tensor, weights)),
        )([tf.tensor4d(VALUES, [1, 2, 2, 1]), tf.tensor4d(POOL_INPUT, [1, 4, 4, 1])])
        .map((g) => g.dataSync()),
    );
    // d/d value = the weight at its maximum's position.
    expect([...dValues!]).toEqual([2, 8, 9, 16]);
    expect([...dPoolInput!].every((g) => g === 0)).toBe(true);
    weights.dispose();
  });

  it("sizes its output from the pooled input and refuses mismatched channels", () => {
    const values = tfl.input({ shape: [4, 6, 3] });
    const poolInput = tfl.input({ shape: [8, 12, 3] });
    const out = new MaxUnpooling2D({}).apply([values, poolInput]) as tfl.SymbolicTensor;
    expect(out.shape).toEqual([null, 8, 12, 3]);
    expect(() =>
      tf.tidy(
        () =>
          new MaxUnpooling2D({}).apply([
            tf.zeros([1, 2, 2, 2]),
            tf.zeros([1, 4, 4, 1]),
          ]) as tf.Tensor,
      ),
    ).toThrow(/cannot be unpooled/);
  });
});
