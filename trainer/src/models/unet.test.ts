import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  allocationCounts,
  relativeError,
  runOn,
  seededInts,
  seededValues,
  useBackend,
} from "../testing/backend-comparison.ts";
import { createUNet } from "./unet.ts";

function seedWeights(model: ReturnType<typeof createUNet>, seed: number): void {
  model.setWeights(
    model.weights.map((w, i) => {
      const shape = w.shape as number[];
      // Scaled like He initialisation so activations neither vanish nor blow up.
      const fanIn = shape.length === 4 ? shape[0]! * shape[1]! * shape[2]! : 1;
      return tf.mul(
        tf.tensor(seededValues(tf.util.sizeFromShape(shape), seed + i), shape),
        Math.sqrt(6 / fanIn),
      );
    }),
  );
}

describe("createUNet", () => {
  beforeAll(() => useBackend("wasm"));

  it("has the 1,940,868 parameters of the issue's U-Net at base 16, depth 4, 4 classes", () => {
    const model = createUNet({ classes: 4 });
    expect(model.countParams()).toBe(1_940_868);
    model.dispose();
  });

  it("changes its parameter count with depth, width and classes as the layout implies", () => {
    const counts = [
      createUNet({ classes: 4, depth: 3 }),
      createUNet({ classes: 4, baseFilters: 8 }),
      createUNet({ classes: 2, inputChannels: 3 }),
    ].map((m) => {
      const n = m.countParams();
      m.dispose();
      return n;
    });
    // Depth 3 drops the 256-filter bottleneck and its up-level.
    expect(counts[0]).toBe(481_796);
    // Two fewer classes drop 2*(16+1) head parameters; two more channels add 2*9*16 weights.
    expect(counts[2]).toBe(1_940_868 - 34 + 288);
    expect(counts[1]).toBeLessThan(1_940_868 / 3.9);
  });

  it("maps any multiple of 16 to per-pixel class probabilities of the same size", async () => {
    const [probs] = await runOn("wasm", () => {
      const model = createUNet({ classes: 3, baseFilters: 4 });
      seedWeights(model, 1);
      const out = model.predict(
        tf.tensor4d(seededValues(2 * 48 * 32, 2), [2, 48, 32, 1]),
      ) as tf.Tensor;
      expect(out.shape).toEqual([2, 48, 32, 3]);
      const sums = tf.sum(out, -1);
      model.dispose();
      return sums;
    });
    for (const s of probs!) expect(s).toBeCloseTo(1, 5);
  });

  it("rejects sizes the poolings cannot halve and nonsensical widths", () => {
    expect(() => createUNet({ classes: 4, size: [100, 96] })).toThrow(/multiples of 2\^depth = 16/);
    expect(() => createUNet({ classes: 0 })).toThrow(/classes must be an integer >= 1/);
    expect(() => createUNet({ classes: 4, baseFilters: 2.5 })).toThrow(/baseFilters/);
  });

  it("gives the same forward pass on wasm as on the cpu reference", async () => {
    const forward = () => {
      const model = createUNet({ classes: 4, baseFilters: 4, outputActivation: "linear" });
      seedWeights(model, 3);
      const out = model.predict(
        tf.tensor4d(seededValues(2 * 32 * 32, 4), [2, 32, 32, 1]),
      ) as tf.Tensor;
      model.dispose();
      return out;
    };
    const [expected] = await runOn("cpu", forward);
    const [actual] = await runOn("wasm", forward);
    expect(relativeError(actual!, expected!)).toBeLessThan(1e-5);
  });

  it("trains on wasm: loss falls on a fixed batch and no step leaks tensors or buffers", async () => {
    await useBackend("wasm");
    const model = createUNet({ classes: 3, baseFilters: 4, depth: 2 });
    seedWeights(model, 9);
    const optimizer = tf.train.adam(0.01);
    const x = tf.tensor4d(seededValues(2 * 16 * 16, 5), [2, 16, 16, 1]);
    const labels = tf.oneHot(
      tf.tensor3d(seededInts(2 * 16 * 16, 0, 2, 6), [2, 16, 16], "int32"),
      3,
    );
    const step = () =>
      tf.tidy(() => {
        const cost = optimizer.minimize(
          () =>
            tf.losses.softmaxCrossEntropy(
              labels,
              model.apply(x, { training: true }) as tf.Tensor,
            ) as tf.Scalar,
          true,
        );
        return cost!.dataSync()[0]!;
      });
    const first = step();
    const before = allocationCounts();
    let last = first;
    for (let i = 0; i < 15; i++) last = step();
    expect(allocationCounts()).toEqual(before);
    expect(last).toBeLessThan(first * 0.9);
    tf.dispose([x, labels]);
    optimizer.dispose();
    model.dispose();
  });
});
