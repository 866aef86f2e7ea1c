import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../testing/backend-comparison.ts";
import { NOISE_SEED_KWARG, SpatialDropout2D } from "./spatial-dropout.ts";

function run(layer: SpatialDropout2D, kwargs: Record<string, unknown>): Float32Array {
  return tf.tidy(
    () => (layer.apply(tf.ones([2, 3, 3, 40]), kwargs) as tf.Tensor).dataSync() as Float32Array,
  );
}

describe("SpatialDropout2D", () => {
  beforeAll(() => useBackend("wasm"));

  it("drops whole channels and rescales the rest, only while training", () => {
    const layer = new SpatialDropout2D({ rate: 0.5, salt: 1 });
    const out = run(layer, { training: true, [NOISE_SEED_KWARG]: 7 });
    const dropped = new Set<string>();
    for (let n = 0; n < 2; n++) {
      for (let c = 0; c < 40; c++) {
        const values = Array.from({ length: 9 }, (_, p) => out[(n * 9 + p) * 40 + c]);
        // One value per channel and image: the mask covers the whole plane.
        expect(new Set(values).size).toBe(1);
        expect([0, 2]).toContain(values[0]);
        if (values[0] === 0) dropped.add(`${n}/${c}`);
      }
    }
    expect(dropped.size).toBeGreaterThan(20);
    expect(dropped.size).toBeLessThan(60);
    expect([...run(layer, {})].every((v) => v === 1)).toBe(true);
  });

  it("draws its masks from the step's seed and its own salt", () => {
    const a = new SpatialDropout2D({ rate: 0.3, salt: 1 });
    const b = new SpatialDropout2D({ rate: 0.3, salt: 2 });
    const step = { training: true, [NOISE_SEED_KWARG]: 11 };
    expect([...run(a, step)]).toEqual([...run(a, step)]);
    expect([...run(a, step)]).not.toEqual([...run(b, step)]);
    expect([...run(a, step)]).not.toEqual([...run(a, { ...step, [NOISE_SEED_KWARG]: 12 })]);
    expect(() => new SpatialDropout2D({ rate: 1, salt: 0 })).toThrow(/rate must be in \[0, 1\)/);
  });
});
