import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import {
  allocationCounts,
  runOn,
  seededValues,
  useBackend,
} from "../testing/backend-comparison.ts";

const cases: { shapes: number[][]; axis: number; dtype: "float32" | "int32" }[] = [
  // U-Net's skip connection: channels, short runs.
  {
    shapes: [
      [2, 5, 4, 3],
      [2, 5, 4, 6],
    ],
    axis: 3,
    dtype: "float32",
  },
  {
    shapes: [
      [2, 5, 4, 3],
      [2, 5, 4, 3],
      [2, 5, 4, 1],
    ],
    axis: -1,
    dtype: "int32",
  },
  // Long runs take the TypedArray.set branch.
  {
    shapes: [
      [3, 300],
      [3, 257],
    ],
    axis: 1,
    dtype: "float32",
  },
  {
    shapes: [
      [2, 3, 4],
      [1, 3, 4],
    ],
    axis: 0,
    dtype: "float32",
  },
  {
    shapes: [
      [2, 3, 4],
      [2, 5, 4],
    ],
    axis: 1,
    dtype: "int32",
  },
];

const values = (shape: number[], seed: number, dtype: "float32" | "int32") =>
  tf.tensor(
    Array.from(seededValues(tf.util.sizeFromShape(shape), seed), (v) =>
      dtype === "int32" ? Math.round(v * 1000) : v,
    ),
    shape,
    dtype,
  );

describe("Concat and SplitV on wasm", () => {
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))(
    "match cpu and invert each other: %s",
    async (_n, c) => {
      const compute = () => {
        const parts = c.shapes.map((s, i) => values(s, 10 + i, c.dtype));
        const joined = tf.concat(parts, c.axis);
        const axis = c.axis < 0 ? c.axis + c.shapes[0]!.length : c.axis;
        const back = tf.split(
          joined,
          c.shapes.map((s) => s[axis]!),
          axis,
        );
        return [joined, ...back].map((t) => tf.cast(t, "float32"));
      };
      // Plain arrays: the cpu backend's int32-to-float32 cast keeps an Int32Array.
      const plain = (arrays: Float32Array[]) => arrays.map((a) => Array.from(a));
      const expected = plain(await runOn("cpu", compute));
      const actual = plain(await runOn("wasm", compute));
      expect(actual).toEqual(expected);
      // The split parts are the original parts.
      const originals = await runOn("cpu", () =>
        c.shapes.map((s, i) => tf.cast(values(s, 10 + i, c.dtype), "float32")),
      );
      expect(actual.slice(1)).toEqual(plain(originals));
    },
  );

  it("free what they allocate", async () => {
    await useBackend("wasm");
    const before = allocationCounts();
    tf.tidy(() => {
      tf.split(tf.concat([tf.ones([2, 3, 4, 5]), tf.zeros([2, 3, 4, 2])], 3), [5, 2], 3);
    });
    expect(allocationCounts()).toEqual(before);
  });
});

describe("Identity on wasm", () => {
  it("shares the buffer and keeps it alive for as long as either tensor lives", async () => {
    await useBackend("wasm");
    const before = allocationCounts();
    const x = tf.tensor1d([1, 2, 3]);
    const y = tf.clone(x);
    expect(allocationCounts().buffers).toBe(before.buffers + 1);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3]);
    y.dispose();
    expect(allocationCounts()).toEqual(before);
  });
});
