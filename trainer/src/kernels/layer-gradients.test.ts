import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { describe, expect, it } from "vitest";
import { relativeError, runOn, seededValues } from "../testing/backend-comparison.ts";

// Gradients of a whole block chain ~10 kernels; each adds float32 reordering error.
const TOLERANCE = 1e-4;

type Block = (input: tfl.SymbolicTensor) => tfl.SymbolicTensor;
interface BlockCase {
  build: Block;
  batch: number;
}

const apply = (layer: tfl.layers.Layer, x: tfl.SymbolicTensor | tfl.SymbolicTensor[]) =>
  layer.apply(x) as tfl.SymbolicTensor;

/** The layer kinds U-Net, Attention U-Net and ENet train through. */
const blocks: Record<string, BlockCase> = {
  "U-Net level: conv-relu x2, max pool, 2x2 up-conv, concat": {
    batch: 3,
    build: (x) => {
      const a = apply(
        tfl.layers.conv2d({ filters: 6, kernelSize: 3, padding: "same", activation: "relu" }),
        x,
      );
      const b = apply(
        tfl.layers.conv2d({ filters: 6, kernelSize: 3, padding: "same", activation: "relu" }),
        a,
      );
      const down = apply(tfl.layers.maxPooling2d({ poolSize: 2 }), b);
      const up = apply(tfl.layers.conv2dTranspose({ filters: 5, kernelSize: 2, strides: 2 }), down);
      const cat = apply(tfl.layers.concatenate(), [b, up]);
      return apply(tfl.layers.conv2d({ filters: 4, kernelSize: 1, activation: "softmax" }), cat);
    },
  },
  "attention gate: 1x1 convs, add, relu, sigmoid, multiply": {
    // tfjs's cpu ResizeNearestNeighborGrad is wrong past the first image of a batch (see
    // resize-nearest-neighbor-grad.test.ts), so the reference only holds for batch 1.
    batch: 1,
    build: (x) => {
      const skip = apply(tfl.layers.conv2d({ filters: 4, kernelSize: 3, padding: "same" }), x);
      const gating = apply(
        tfl.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: "same" }),
        x,
      );
      const gatingUp = apply(tfl.layers.upSampling2d({ size: [2, 2] }), gating);
      const theta = apply(tfl.layers.conv2d({ filters: 3, kernelSize: 1 }), skip);
      const phi = apply(tfl.layers.conv2d({ filters: 3, kernelSize: 1 }), gatingUp);
      const act = apply(
        tfl.layers.activation({ activation: "relu" }),
        apply(tfl.layers.add(), [theta, phi]),
      );
      const alpha = apply(
        tfl.layers.conv2d({ filters: 1, kernelSize: 1, activation: "sigmoid" }),
        act,
      );
      const gated = apply(tfl.layers.multiply(), [
        skip,
        apply(tfl.layers.upSampling2d({ size: [1, 1] }), alpha),
      ]);
      return apply(tfl.layers.conv2d({ filters: 4, kernelSize: 1, activation: "softmax" }), gated);
    },
  },
  "ENet bottleneck: strided, asymmetric and dilated convs, batch norm, PReLU": {
    batch: 3,
    build: (x) => {
      // No bias before batch norm: its gradient would be zero up to rounding, and ENet has none.
      const init = apply(
        tfl.layers.conv2d({
          filters: 6,
          kernelSize: 3,
          strides: 2,
          padding: "same",
          useBias: false,
        }),
        x,
      );
      const bn = apply(tfl.layers.batchNormalization(), init);
      const pr = apply(tfl.layers.prelu({ sharedAxes: [1, 2] }), bn);
      const asym = apply(
        tfl.layers.conv2d({ filters: 6, kernelSize: [5, 1], padding: "same" }),
        pr,
      );
      const asym2 = apply(
        tfl.layers.conv2d({ filters: 6, kernelSize: [1, 5], padding: "same" }),
        asym,
      );
      const dil = apply(
        tfl.layers.conv2d({
          filters: 6,
          kernelSize: 3,
          padding: "same",
          dilationRate: 2,
          activation: "relu",
        }),
        asym2,
      );
      const res = apply(tfl.layers.add(), [pr, dil]);
      const up = apply(
        tfl.layers.conv2dTranspose({ filters: 4, kernelSize: 3, strides: 2, padding: "same" }),
        res,
      );
      return apply(tfl.layers.activation({ activation: "softmax" }), up);
    },
  },
};

/** Gradient of a cross-entropy loss w.r.t. every trainable weight, and the loss itself. */
function blockGradients({ build, batch }: BlockCase): tf.Tensor[] {
  const input = tfl.input({ shape: [12, 10, 2] });
  const model = tfl.model({ inputs: input, outputs: build(input) });
  model.setWeights(
    model.weights.map((w, i) =>
      tf.tensor(
        seededValues(tf.util.sizeFromShape(w.shape as number[]), 900 + i),
        w.shape as number[],
      ),
    ),
  );
  const x = tf.tensor4d(seededValues(batch * 12 * 10 * 2, 11), [batch, 12, 10, 2]);
  const classes = Array.from(seededValues(batch * 12 * 10, 12), (v) => (v > 0 ? 1 : 3));
  const labels = tf.oneHot(tf.tensor3d(classes, [batch, 12, 10], "int32"), 4);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(() => {
    const p = model.apply(x, { training: true }) as tf.Tensor;
    return tf.neg(tf.mean(tf.sum(tf.mul(labels, tf.log(tf.add(p, 1e-7))), -1))) as tf.Scalar;
  }, variables);
  const out = [value, ...variables.map((v) => grads[v.name]!)];
  model.dispose();
  return out;
}

describe("gradients of whole layers on wasm match cpu", () => {
  it.each(Object.entries(blocks))("%s", async (_name, block) => {
    const expected = await runOn("cpu", () => blockGradients(block));
    const actual = await runOn("wasm", () => blockGradients(block));
    expect(actual).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(4);
    for (let i = 0; i < expected.length; i++) {
      expect(relativeError(actual[i]!, expected[i]!), `output ${i}`).toBeLessThan(TOLERANCE);
      // A gradient that is all zeros would match trivially.
      expect(
        expected[i]!.some((v) => v !== 0),
        `output ${i} is not all zero`,
      ).toBe(true);
    }
  });
});
