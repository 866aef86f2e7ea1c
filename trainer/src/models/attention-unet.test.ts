import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../testing/backend-comparison.ts";
import { createAttentionUNet } from "./attention-unet.ts";
import { initializeWeights } from "./initialize-weights.ts";
import { oneTrainingStep } from "./testing/one-training-step.ts";

/** The parameter count of the layout in createAttentionUNet's comment, term by term. */
function expectedParameters(
  classes: number,
  channels: number,
  base: number,
  depth: number,
): number {
  const F = (level: number) => base * 2 ** level;
  const conv = (k: number, cin: number, cout: number) => k * k * cin * cout + cout;
  let total = 0;
  for (let l = 0; l < depth; l++)
    total += conv(3, l === 0 ? channels : F(l - 1), F(l)) + conv(3, F(l), F(l));
  total += conv(3, F(depth - 1), F(depth)) + conv(3, F(depth), F(depth));
  for (let l = 0; l < depth; l++) {
    const f = F(l);
    const inter = Math.ceil(f / 2);
    const gate = 4 * f * inter + (2 * f + 1) * inter + inter + 1 + (f + 1) * f;
    total += gate + conv(2, F(l + 1), f) + conv(3, 2 * f, f) + conv(3, f, f);
  }
  return total + conv(1, base, classes);
}

describe("createAttentionUNet", () => {
  beforeAll(() => useBackend("wasm"));

  it("adds exactly the attention gates' parameters to the U-Net's", () => {
    // Without gates the formula is the U-Net's 1,940,868 of the trainer issue.
    const gates = [0, 1, 2, 3].reduce((sum, l) => {
      const f = 16 * 2 ** l;
      const inter = f / 2;
      return sum + 4 * f * inter + (2 * f + 1) * inter + inter + 1 + (f + 1) * f;
    }, 0);
    expect(expectedParameters(4, 1, 16, 4) - gates).toBe(1_940_868);
    for (const [classes, channels, base, depth] of [
      [4, 1, 16, 4],
      [3, 2, 5, 2],
    ] as const) {
      const model = createAttentionUNet({
        classes,
        inputChannels: channels,
        baseFilters: base,
        depth,
      });
      expect(model.countParams()).toBe(expectedParameters(classes, channels, base, depth));
      model.dispose();
    }
  });

  it("maps a slice to per-pixel logits of its own size and takes a training step", () => {
    const before = tf.memory().numTensors;
    const model = createAttentionUNet({
      classes: 4,
      baseFilters: 4,
      depth: 2,
      outputActivation: "linear",
    });
    initializeWeights(model, 1);
    const out = tf.tidy(() => (model.predict(tf.zeros([1, 24, 32, 1])) as tf.Tensor).shape);
    expect(out).toEqual([1, 24, 32, 4]);
    const step = oneTrainingStep(model, 16, 4);
    expect(Number.isFinite(step.loss)).toBe(true);
    // Every weight, the gates' included, is on the gradient's path.
    expect(step.changed).toBe(step.trainable);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("rejects sizes its poolings cannot halve", () => {
    expect(() => createAttentionUNet({ classes: 4, depth: 3, size: [36, 36] })).toThrow(
      /multiples of 2\^depth = 8/,
    );
    expect(() => createAttentionUNet({ classes: 4, depth: 0 })).toThrow(
      /depth must be an integer >= 1/,
    );
  });
});
