import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../testing/backend-comparison.ts";
import { createENet } from "./enet.ts";
import { initializeWeights } from "./initialize-weights.ts";
import { createUNet } from "./unet.ts";

describe("initializeWeights", () => {
  beforeAll(() => useBackend("wasm"));

  it("gives the same weights for the same seed and He-scaled kernels", () => {
    const [a, b, c] = [1, 1, 2].map((seed) => {
      const model = createUNet({ classes: 3, baseFilters: 8, depth: 2 });
      initializeWeights(model, seed);
      const values = model.weights.map((w) => Float32Array.from(w.read().dataSync()));
      const names = model.weights.map((w) => w.originalName);
      model.dispose();
      return { values, names };
    });
    expect(a!.values).toEqual(b!.values);
    expect(a!.values[0]).not.toEqual(c!.values[0]);
    const kernel = a!.values[a!.names.indexOf("unet_enc1_conv1/kernel")]!; // 3×3×8 fan-in
    const sd = Math.sqrt(kernel.reduce((s, v) => s + v * v, 0) / kernel.length);
    // A normal truncated at 2 SD keeps 0.88 of the variance.
    expect(sd).toBeGreaterThan(Math.sqrt(2 / 72) * 0.85);
    expect(sd).toBeLessThan(Math.sqrt(2 / 72) * 1.0);
    expect(Math.max(...kernel.map(Math.abs))).toBeLessThanOrEqual(2 * Math.sqrt(2 / 72) + 1e-6);
    expect([...a!.values[a!.names.indexOf("unet_enc1_conv1/bias")]!].every((v) => v === 0)).toBe(
      true,
    );
  });

  it("sets batch-norm scales and variances to 1 and PReLU slopes to 0.25", () => {
    const model = createENet({ classes: 2, width: 4, stage1Bottlenecks: 0, middleStages: 0 });
    initializeWeights(model, 1);
    const weightValues = (suffix: string) =>
      tf.tidy(() => [
        ...model.weights
          .find((w) => w.originalName.endsWith(suffix))!
          .read()
          .dataSync(),
      ]);
    expect(new Set(weightValues("_initial_bn/gamma"))).toEqual(new Set([1]));
    expect(new Set(weightValues("_initial_bn/moving_variance"))).toEqual(new Set([1]));
    expect(new Set(weightValues("_initial_prelu/alpha"))).toEqual(new Set([0.25]));
    model.dispose();
  });
});
