import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import {
  allocationCounts,
  relativeError,
  runOn,
  seededValues,
  useBackend,
} from "../testing/backend-comparison.ts";
import { describeCase, randomConvCases } from "../testing/conv-cases.ts";

// float32 sums of up to a few hundred products, in a different order than the cpu kernel.
const TOLERANCE = 1e-5;

describe("Conv2DBackpropInput on wasm", () => {
  const cases = randomConvCases(24, 2);

  it("covers strides 2 and 3, every padding kind and non-square kernels", () => {
    expect(cases.some((c) => c.strides.includes(3))).toBe(true);
    expect(cases.some((c) => c.pad === "same")).toBe(true);
    expect(cases.some((c) => c.pad === "valid")).toBe(true);
    expect(cases.some((c) => Array.isArray(c.pad))).toBe(true);
    expect(cases.some((c) => c.filterShape[0] !== c.filterShape[1])).toBe(true);
  });

  it.each(cases.map((c, i) => [describeCase(c), c, i] as const))(
    "matches the cpu kernel: %s",
    async (_name, c, i) => {
      const w = seededValues(tf.util.sizeFromShape(c.filterShape), 300 + i);
      const dy = seededValues(tf.util.sizeFromShape(c.dyShape), 400 + i);
      const compute = () =>
        tf
          .engine()
          .runKernel(
            tf.Conv2DBackpropInput,
            { dy: tf.tensor4d(dy, c.dyShape), filter: tf.tensor4d(w, c.filterShape) },
            { strides: c.strides, pad: c.pad, dataFormat: "NHWC", inputShape: c.xShape },
          ) as tf.Tensor;
      const [expected] = await runOn("cpu", compute);
      const [actual] = await runOn("wasm", compute);
      expect(relativeError(actual!, expected!)).toBeLessThan(TOLERANCE);
    },
  );

  it("computes conv2dTranspose as U-Net's 2x2 stride-2 up-convolution uses it", async () => {
    const x = seededValues(2 * 5 * 7 * 6, 7);
    const w = seededValues(2 * 2 * 3 * 6, 8);
    const compute = () =>
      tf.conv2dTranspose(
        tf.tensor4d(x, [2, 5, 7, 6]),
        tf.tensor4d(w, [2, 2, 3, 6]),
        [2, 10, 14, 3],
        2,
        "valid",
      );
    const [expected] = await runOn("cpu", compute);
    const [actual] = await runOn("wasm", compute);
    expect(relativeError(actual!, expected!)).toBeLessThan(TOLERANCE);
  });

  // Stride equal to the kernel and no padding take the tiled GEMM path; the last case has
  // a leftover row and column, which must not.
  it.each([
    { dy: [2, 4, 3, 5], w: [3, 3, 2, 5], s: [3, 3], x: [2, 12, 9, 2] },
    { dy: [1, 3, 4, 7], w: [2, 3, 4, 7], s: [2, 3], x: [1, 6, 12, 4] },
    { dy: [3, 5, 5, 2], w: [2, 2, 3, 2], s: [2, 2], x: [3, 11, 11, 3] },
  ])("matches cpu where each dy pixel owns a tile of dx: %j", async (c) => {
    const w = seededValues(tf.util.sizeFromShape(c.w), 31);
    const dy = seededValues(tf.util.sizeFromShape(c.dy), 32);
    const compute = () =>
      tf
        .engine()
        .runKernel(
          tf.Conv2DBackpropInput,
          { dy: tf.tensor(dy, c.dy), filter: tf.tensor(w, c.w) },
          { strides: c.s, pad: "valid", dataFormat: "NHWC", inputShape: c.x },
        ) as tf.Tensor;
    const [expected] = await runOn("cpu", compute);
    const [actual] = await runOn("wasm", compute);
    expect(relativeError(actual!, expected!)).toBeLessThan(TOLERANCE);
  });

  it("frees every intermediate buffer", async () => {
    await useBackend("wasm");
    const before = allocationCounts();
    tf.tidy(() => {
      tf.engine().runKernel(
        tf.Conv2DBackpropInput,
        { dy: tf.ones([2, 5, 4, 4]), filter: tf.ones([3, 3, 3, 4]) },
        { strides: 2, pad: "same", dataFormat: "NHWC", inputShape: [2, 9, 7, 3] },
      );
      tf.engine().runKernel(
        tf.Conv2DBackpropInput,
        { dy: tf.ones([2, 5, 4, 4]), filter: tf.ones([2, 2, 3, 4]) },
        { strides: 2, pad: "valid", dataFormat: "NHWC", inputShape: [2, 10, 8, 3] },
      );
    });
    expect(allocationCounts()).toEqual(before);
  });
});
