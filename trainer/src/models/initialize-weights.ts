import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { RandomStream } from "../training/random-stream.ts";

/**
 * Sets every weight of a model from a seed: kernels He-normal (truncated at 2 SD, fan-in as
 * tfjs-layers computes it), biases and batch-norm shifts 0, batch-norm scales and variances 1,
 * PReLU slopes 0.25 (He et al. 2015, PyTorch's default). tfjs-layers draws its initial weights
 * from an unseeded generator; a run must start from the same weights every time for its
 * checkpoints and its reported figures to mean anything.
 */
export function initializeWeights(model: tfl.LayersModel, seed: number): void {
  const random = new RandomStream(seed);
  const values = model.weights.map((w) => {
    const shape = w.shape as number[];
    const size = shape.reduce((a, b) => a * b, 1);
    const kind = w.originalName.slice(w.originalName.lastIndexOf("/") + 1);
    const data = new Float32Array(size);
    switch (kind) {
      case "kernel": {
        // Conv kernels are [kh, kw, in, out] (transposed: [kh, kw, out, in]); dense kernels [in, out].
        const fanIn = shape.length === 4 ? shape[0]! * shape[1]! * shape[2]! : shape[0]!;
        const sd = Math.sqrt(2 / fanIn);
        for (let i = 0; i < size; i++) {
          let z = random.normal();
          while (Math.abs(z) > 2) z = random.normal();
          data[i] = z * sd;
        }
        break;
      }
      case "bias":
      case "beta":
      case "moving_mean":
        break;
      case "gamma":
      case "moving_variance":
        data.fill(1);
        break;
      case "alpha":
        data.fill(0.25);
        break;
      default:
        throw new Error(`initializeWeights: no rule for weight ${w.originalName}.`);
    }
    return tf.tensor(data, shape);
  });
  model.setWeights(values);
  tf.dispose(values);
}
