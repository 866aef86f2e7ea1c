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

// float32 sums of up to a few thousand products, in a different order than the cpu kernel.
const TOLERANCE = 1e-5;

describe("Conv2DBackpropFilter on wasm", () => {
  const cases = randomConvCases(24, 1);

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
      const x = seededValues(tf.util.sizeFromShape(c.xShape), 100 + i);
      const dy = seededValues(tf.util.sizeFromShape(c.dyShape), 200 + i);
      const compute = () =>
        tf
          .engine()
          .runKernel(
            tf.Conv2DBackpropFilter,
            { x: tf.tensor4d(x, c.xShape), dy: tf.tensor4d(dy, c.dyShape) },
            { strides: c.strides, pad: c.pad, dataFormat: "NHWC", filterShape: c.filterShape },
          ) as tf.Tensor;
      const [expected] = await runOn("cpu", compute);
      const [actual] = await runOn("wasm", compute);
      expect(relativeError(actual!, expected!)).toBeLessThan(TOLERANCE);
    },
  );

  it("frees every intermediate buffer", async () => {
    await useBackend("wasm");
    const before = allocationCounts();
    tf.tidy(() => {
      const x = tf.ones([2, 9, 7, 3]);
      const dy = tf.ones([2, 5, 4, 4]);
      tf.engine().runKernel(
        tf.Conv2DBackpropFilter,
        { x, dy },
        { strides: 2, pad: "same", dataFormat: "NHWC", filterShape: [3, 3, 3, 4] },
      );
    });
    expect(allocationCounts()).toEqual(before);
  });

  it("rejects a dy whose shape does not fit the convolution", async () => {
    await useBackend("wasm");
    expect(() =>
      tf.tidy(() =>
        tf
          .engine()
          .runKernel(
            tf.Conv2DBackpropFilter,
            { x: tf.ones([1, 8, 8, 2]), dy: tf.ones([1, 5, 8, 3]) },
            { strides: 1, pad: "same", dataFormat: "NHWC", filterShape: [3, 3, 2, 3] },
          ),
      ),
    ).toThrow(/dy is 1,5,8,3/);
  });
});
