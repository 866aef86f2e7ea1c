import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { relativeError, runOn, seededValues } from "../testing/backend-comparison.ts";
import { type ConvCase, describeCase, randomConvCases } from "../testing/conv-cases.ts";

const TOLERANCE = 1e-5;

/**
 * The filter with d-1 zeros between its taps: an undilated convolution with it equals
 * the dilated one, and its gradient only goes through tfjs's own kernels.
 */
function spreadFilter(w: tf.Tensor4D, [dh, dw]: [number, number]): tf.Tensor4D {
  const [kh, kw, ci, co] = w.shape;
  const spread = tf.pad(tf.reshape(w, [kh, 1, kw, 1, ci, co]), [
    [0, 0],
    [0, dh - 1],
    [0, 0],
    [0, dw - 1],
    [0, 0],
    [0, 0],
  ]);
  return tf.slice(
    tf.reshape(spread, [kh * dh, kw * dw, ci, co]) as tf.Tensor4D,
    [0, 0, 0, 0],
    [(kh - 1) * dh + 1, (kw - 1) * dw + 1, ci, co],
  );
}

function gradients(c: ConvCase, i: number, dilatedDirectly: boolean) {
  const x = tf.tensor4d(seededValues(tf.util.sizeFromShape(c.xShape), 500 + i), c.xShape);
  const w = tf.tensor4d(seededValues(tf.util.sizeFromShape(c.filterShape), 600 + i), c.filterShape);
  const dy = tf.tensor4d(seededValues(tf.util.sizeFromShape(c.dyShape), 700 + i), c.dyShape);
  const forward = dilatedDirectly
    ? (a: tf.Tensor4D, b: tf.Tensor4D) => tf.conv2d(a, b, 1, c.pad, "NHWC", c.dilations)
    : (a: tf.Tensor4D, b: tf.Tensor4D) => tf.conv2d(a, spreadFilter(b, c.dilations), 1, c.pad);
  const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => forward(a as tf.Tensor4D, b as tf.Tensor4D));
  return g([x, w], dy);
}

describe("gradient of a dilated conv2d", () => {
  const cases = randomConvCases(16, 3, { dilated: true });

  it("covers dilations 2 and 3 and every padding kind", () => {
    expect(cases.some((c) => c.dilations.includes(3))).toBe(true);
    expect(cases.some((c) => c.pad === "same")).toBe(true);
    expect(cases.some((c) => c.pad === "valid")).toBe(true);
    expect(cases.some((c) => Array.isArray(c.pad))).toBe(true);
  });

  it.each(cases.map((c, i) => [describeCase(c), c, i] as const))(
    "on wasm matches cpu's gradient through a zero-spread filter: %s",
    async (_name, c, i) => {
      const [dxRef, dwRef] = await runOn("cpu", () => gradients(c, i, false));
      const [dx, dw] = await runOn("wasm", () => gradients(c, i, true));
      expect(relativeError(dx!, dxRef!)).toBeLessThan(TOLERANCE);
      expect(relativeError(dw!, dwRef!)).toBeLessThan(TOLERANCE);
    },
  );

  it("on cpu matches the same reference, so the gradient is not wasm-specific", async () => {
    const c = cases[0]!;
    const [dxRef, dwRef] = await runOn("cpu", () => gradients(c, 0, false));
    const [dx, dw] = await runOn("cpu", () => gradients(c, 0, true));
    expect(relativeError(dx!, dxRef!)).toBeLessThan(TOLERANCE);
    expect(relativeError(dw!, dwRef!)).toBeLessThan(TOLERANCE);
  });
});
