import "@tensorflow/tfjs-backend-cpu";
// tfjs-core's Node bundle registers no gradients; tfjs-layers' bundle carries the standard set.
import "@tensorflow/tfjs-layers";
import * as tf from "@tensorflow/tfjs-core";
import type { LossFunction } from "../loss-function.ts";

/**
 * Test-side driver for losses on the pure-JS `cpu` backend, which has every gradient kernel,
 * so loss tests do not depend on the wasm kernels being written in trainer/src/kernels.
 */
export async function useCpuBackend(): Promise<void> {
  if (!(await tf.setBackend("cpu"))) throw new Error("The cpu backend failed to initialise.");
}

/** A loss input given as plain numbers: targets and logits, both of `shape`. */
export interface LossCase {
  yTrue: readonly number[];
  logits: readonly number[];
  shape: readonly number[];
}

/** ln of the probabilities 1/2, 1/3, 1/6: logits whose softmax is exact by hand. */
export const HALF_THIRD_SIXTH = [Math.log(3), Math.log(2), 0] as const;

export function lossValue(loss: LossFunction, c: LossCase): number {
  return tf.tidy(() => {
    const shape = [...c.shape];
    return loss(tf.tensor(c.yTrue, shape), tf.tensor(c.logits, shape)).dataSync()[0]!;
  });
}

/** d loss / d logits by tfjs's autodiff. */
export function analyticGradient(loss: LossFunction, c: LossCase): Float32Array {
  return tf.tidy(() => {
    const shape = [...c.shape];
    const yTrue = tf.tensor(c.yTrue, shape);
    const grad = tf.grad((logits: tf.Tensor) => loss(yTrue, logits));
    return grad(tf.tensor(c.logits, shape)).dataSync() as Float32Array;
  });
}

/** d loss / d logits by central differences of step h, the independent check on autodiff. */
export function numericalGradient(loss: LossFunction, c: LossCase, h = 1e-2): Float64Array {
  const out = new Float64Array(c.logits.length);
  for (let i = 0; i < c.logits.length; i++) {
    const shifted = (delta: number) => {
      const logits = [...c.logits];
      logits[i] = logits[i]! + delta;
      return lossValue(loss, { ...c, logits });
    };
    out[i] = (shifted(h) - shifted(-h)) / (2 * h);
  }
  return out;
}

/** Tensors left allocated by `run` once it returns. */
export function leakedTensors(run: () => void): number {
  const before = tf.memory().numTensors;
  run();
  return tf.memory().numTensors - before;
}
