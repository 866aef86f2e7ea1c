import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { createUNet } from "../models/unet.ts";
import { relativeError, runOn, seededValues } from "../testing/backend-comparison.ts";
import { selectBackend } from "./select-backend.ts";

// This file's process ends with the threaded build serving 'wasm'; vitest runs each test
// file in its own process, so no other file sees it.
describe("threaded wasm backend", () => {
  it("runs XNNPACK on two threads and trains to the cpu reference's numbers", async () => {
    const forward = () => {
      const model = createUNet({
        classes: 3,
        baseFilters: 4,
        depth: 2,
        outputActivation: "linear",
      });
      model.setWeights(
        model.weights.map((w, i) =>
          tf.tensor(
            seededValues(tf.util.sizeFromShape(w.shape as number[]), 40 + i),
            w.shape as number[],
          ),
        ),
      );
      const x = tf.tensor4d(seededValues(2 * 32 * 32, 41), [2, 32, 32, 1]);
      const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const { value, grads } = tf.variableGrads(
        () => tf.mean(tf.square(model.apply(x) as tf.Tensor)) as tf.Scalar,
        vars,
      );
      const out = [value, ...vars.map((v) => grads[v.name]!)];
      model.dispose();
      return out;
    };
    const expected = await runOn("cpu", forward);
    const selection = await selectBackend({ candidates: ["wasm"], wasmThreads: 2 });
    expect(selection).toMatchObject({ name: "wasm", tfBackend: "wasm", threads: 2 });
    const actual = tf.tidy(() => forward().map((t) => t.dataSync() as Float32Array));
    for (let i = 0; i < expected.length; i++) {
      expect(relativeError(actual[i]!, expected[i]!), `output ${i}`).toBeLessThan(1e-4);
    }
  });

  it("rejects a thread count below two", async () => {
    await expect(selectBackend({ candidates: ["wasm"], wasmThreads: 1.5 })).rejects.toThrow(
      /threads must be an integer >= 2, got 1.5/,
    );
  });
});
