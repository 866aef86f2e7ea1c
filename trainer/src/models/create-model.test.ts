import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../testing/backend-comparison.ts";
import { ARCHITECTURES, createModel, isArchitecture } from "./create-model.ts";

describe("createModel", () => {
  beforeAll(() => useBackend("wasm"));

  it("builds each architecture at the run's size, outputting logits rather than probabilities", () => {
    for (const architecture of ARCHITECTURES) {
      const model = createModel({
        architecture,
        classes: 3,
        baseFilters: 4,
        depth: 1,
        imageSize: 16,
      });
      const sums = tf.tidy(() => {
        const out = model.predict(tf.randomNormal([1, 16, 16, 1], 0, 1, "float32", 1)) as tf.Tensor;
        expect(out.shape).toEqual([1, 16, 16, 3]);
        return [...tf.sum(out, -1).dataSync()];
      });
      // Softmax outputs would sum to 1 everywhere.
      expect(sums.some((s) => Math.abs(s - 1) > 1e-3)).toBe(true);
      expect(model.inputs[0]!.shape).toEqual([null, 16, 16, 1]);
      model.dispose();
    }
  });

  it("knows the API's architecture names and no others", () => {
    expect(ARCHITECTURES).toEqual(["unet", "attention-unet", "enet"]);
    expect(isArchitecture("enet")).toBe(true);
    expect(isArchitecture("segnet")).toBe(false);
  });
});
