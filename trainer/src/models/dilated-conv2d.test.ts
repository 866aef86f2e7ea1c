import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { describe, expect, it } from "vitest";
import { relativeError, runOn, seededValues } from "../testing/backend-comparison.ts";
import { DilatedConv2D } from "./dilated-conv2d.ts";

describe("DilatedConv2D", () => {
  it("computes tfjs-layers' dilated conv, and its gradients on wasm match the cpu reference", async () => {
    const compute = () => {
      const layer = new DilatedConv2D({ filters: 3, kernelSize: 3, dilation: 2 });
      const x = tf.tensor4d(seededValues(2 * 9 * 9 * 2, 1), [2, 9, 9, 2]);
      layer.apply(x); // builds the kernel
      const kernel = tf.tensor4d(seededValues(3 * 3 * 2 * 3, 2), [3, 3, 2, 3]);
      layer.setWeights([kernel]);
      const reference = tfl.layers.conv2d({
        filters: 3,
        kernelSize: 3,
        dilationRate: 2,
        padding: "same",
        useBias: false,
        weights: [kernel],
      });
      const weight = tf.tensor4d(seededValues(2 * 9 * 9 * 3, 3), [2, 9, 9, 3]);
      const [dx] = tf.grads((input: tf.Tensor) =>
        tf.sum(tf.mul(layer.apply(input) as tf.Tensor, weight)),
      )([x]);
      const kernelVariable = layer.trainableWeights[0]!.read() as tf.Variable;
      const { grads } = tf.variableGrads(
        () => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, weight)) as tf.Scalar,
        [kernelVariable],
      );
      const out = [
        layer.apply(x) as tf.Tensor,
        reference.apply(x) as tf.Tensor,
        dx!,
        grads[kernelVariable.name]!,
      ];
      layer.dispose();
      return out;
    };
    const [ours, layers, dx, dKernel] = await runOn("wasm", compute);
    expect(relativeError(ours!, layers!)).toBeLessThan(1e-5);
    const [, , cpuDx, cpuDKernel] = await runOn("cpu", compute);
    expect(relativeError(dx!, cpuDx!)).toBeLessThan(1e-4);
    expect(relativeError(dKernel!, cpuDKernel!)).toBeLessThan(1e-4);
    expect(Math.max(...dKernel!.map(Math.abs))).toBeGreaterThan(0);
  });

  it("refuses a dilation below 1", () => {
    expect(() => new DilatedConv2D({ filters: 1, kernelSize: 3, dilation: 0 })).toThrow(
      /dilation must be an integer >= 1/,
    );
  });
});
