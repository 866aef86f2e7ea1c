import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import {
  allocationCounts,
  relativeError,
  runOn,
  seededInts,
  seededValues,
  useBackend,
} from "../testing/backend-comparison.ts";

type Pad = "same" | "valid";
interface PoolCase {
  shape: [number, number, number, number];
  size: [number, number];
  strides: [number, number];
  pad: Pad;
}

function randomPoolCases(count: number, seed: number): PoolCase[] {
  return Array.from({ length: count }, (_, i) => {
    const r = seededInts(9, 0, 1000, seed * 31 + i);
    const pick = (k: number, lo: number, hi: number) => lo + (r[k]! % (hi - lo + 1));
    const size: [number, number] = [pick(0, 1, 3), pick(1, 2, 3)];
    return {
      shape: [pick(2, 1, 3), pick(3, size[0] + 1, 13), pick(4, size[1] + 1, 13), pick(5, 1, 6)],
      size,
      strides: [pick(6, 1, 3), pick(7, 1, 3)],
      pad: r[8]! % 2 ? "same" : "valid",
    };
  });
}

const gradOfPool = (c: PoolCase, x: Float32Array) => () => {
  const outShape = tf.backend_util.computePool2DInfo(c.shape, c.size, c.strides, 1, c.pad)
    .outShape as [number, number, number, number];
  const dy = tf.tensor4d(seededValues(tf.util.sizeFromShape(outShape), 77), outShape);
  return tf.grad((t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, c.size, c.strides, c.pad))(
    tf.tensor4d(x, c.shape),
    dy,
  );
};

describe("MaxPoolGrad on wasm", () => {
  const cases = randomPoolCases(16, 4);

  it.each(cases.map((c, i) => [JSON.stringify(c), c, i] as const))(
    "matches the cpu kernel on random values: %s",
    async (_name, c, i) => {
      const x = seededValues(tf.util.sizeFromShape(c.shape), 40 + i);
      const [expected] = await runOn("cpu", gradOfPool(c, x));
      const [actual] = await runOn("wasm", gradOfPool(c, x));
      expect(relativeError(actual!, expected!)).toBeLessThan(1e-6);
    },
  );

  it.each(cases.slice(0, 6).map((c, i) => [JSON.stringify(c), c, i] as const))(
    "sends tied maxima's gradient to the same position as cpu: %s",
    async (_name, c, i) => {
      // Three distinct values make ties in almost every window.
      const x = Float32Array.from(seededInts(tf.util.sizeFromShape(c.shape), 0, 2, 50 + i));
      const [expected] = await runOn("cpu", gradOfPool(c, x));
      const [actual] = await runOn("wasm", gradOfPool(c, x));
      expect(relativeError(actual!, expected!)).toBeLessThan(1e-6);
    },
  );

  it("frees what it allocates", async () => {
    await useBackend("wasm");
    const before = allocationCounts();
    tf.tidy(() => {
      tf.grad((t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, 2, 2, "valid"))(tf.ones([2, 8, 8, 3]));
    });
    expect(allocationCounts()).toEqual(before);
  });
});
