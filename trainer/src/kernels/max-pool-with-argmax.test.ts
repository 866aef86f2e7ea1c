import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { runOn, seededInts, seededValues } from "../testing/backend-comparison.ts";

interface Case {
  shape: [number, number, number, number];
  size: number;
  strides: number;
  pad: "same" | "valid";
  includeBatchInIndex: boolean;
}

const cases: Case[] = Array.from({ length: 10 }, (_, i) => {
  const r = seededInts(7, 0, 1000, 60 + i);
  return {
    shape: [1 + (r[0]! % 3), 3 + (r[1]! % 9), 3 + (r[2]! % 9), 1 + (r[3]! % 5)],
    size: 2 + (r[4]! % 2),
    strides: 1 + (r[5]! % 3),
    pad: r[6]! % 2 ? "same" : "valid",
    includeBatchInIndex: i % 2 === 0,
  };
});

const pool = (c: Case, x: Float32Array) => () => {
  const { result, indexes } = tf.maxPoolWithArgmax(
    tf.tensor4d(x, c.shape),
    c.size,
    c.strides,
    c.pad,
    c.includeBatchInIndex,
  );
  return [result!, tf.cast(indexes!, "float32")];
};

describe("MaxPoolWithArgmax on wasm", () => {
  it("pools a window of negative values to its maximum (the wasm kernel gave 1.2e-38 at 0)", async () => {
    const [values, indexes] = await runOn(
      "wasm",
      pool(
        { shape: [1, 2, 2, 1], size: 2, strides: 2, pad: "valid", includeBatchInIndex: true },
        Float32Array.from([-3, -1, -2, -5]),
      ),
    );
    expect(Array.from(values!)).toEqual([-1]);
    expect(Array.from(indexes!)).toEqual([1]);
  });

  it.each(cases.map((c, i) => [JSON.stringify(c), c, i] as const))(
    "matches cpu values and indexes, negatives and ties included: %s",
    async (_name, c, i) => {
      const size = tf.util.sizeFromShape(c.shape);
      // Every third case has few distinct values, so windows tie.
      const x =
        i % 3 === 0
          ? Float32Array.from(seededInts(size, -2, 1, 70 + i))
          : seededValues(size, 70 + i);
      const [expectedValues, expectedIndexes] = await runOn("cpu", pool(c, x));
      const [values, indexes] = await runOn("wasm", pool(c, x));
      expect(values).toEqual(expectedValues);
      expect(indexes).toEqual(expectedIndexes);
    },
  );
});
