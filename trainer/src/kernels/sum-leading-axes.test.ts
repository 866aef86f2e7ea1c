import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import {
  allocationCounts,
  relativeError,
  runOn,
  seededValues,
  useBackend,
} from "../testing/backend-comparison.ts";

const cases: { shape: number[]; axis: number[]; keepDims: boolean }[] = [
  // The bias gradient of a conv layer.
  { shape: [4, 9, 7, 5], axis: [0, 1, 2], keepDims: false },
  { shape: [4, 9, 7, 5], axis: [2, 1, 0], keepDims: true },
  { shape: [300, 3], axis: [0], keepDims: false },
  // Rows not a multiple of the four-row unrolling.
  { shape: [5, 3, 7, 2], axis: [0, 1, 2], keepDims: false },
  // Not leading: must fall through to the wasm backend's own kernel.
  { shape: [4, 9, 7, 5], axis: [1, 2], keepDims: false },
  { shape: [4, 9, 7, 5], axis: [3], keepDims: true },
  { shape: [4, 9, 7, 5], axis: [0, 1, 2, 3], keepDims: false },
];

describe("Sum on wasm", () => {
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))("matches cpu: %s", async (_n, c) => {
    const x = seededValues(tf.util.sizeFromShape(c.shape), 5);
    const compute = () => tf.sum(tf.tensor(x, c.shape), c.axis, c.keepDims);
    const [expected] = await runOn("cpu", compute);
    const [actual] = await runOn("wasm", compute);
    expect(relativeError(actual!, expected!)).toBeLessThan(1e-5);
    const shape = await runOn("wasm", () => tf.tensor1d(compute().shape));
    expect(Array.from(shape[0]!)).toEqual(tf.sum(tf.zeros(c.shape), c.axis, c.keepDims).shape);
  });

  it("keeps int32 sums exact by leaving them to the wasm kernel", async () => {
    const [actual] = await runOn("wasm", () =>
      // 16777217 + 1 is exact in int32; a float32 sum would give 16777216.
      tf.cast(tf.sum(tf.tensor2d([16777217, 1, 1, 2], [2, 2], "int32"), 0), "float32"),
    );
    expect(Array.from(actual!)).toEqual([16777218, 3]);
  });

  it("frees what it allocates", async () => {
    await useBackend("wasm");
    const before = allocationCounts();
    tf.tidy(() => {
      tf.sum(tf.ones([8, 16, 16, 4]), [0, 1, 2]);
    });
    expect(allocationCounts()).toEqual(before);
  });
});
