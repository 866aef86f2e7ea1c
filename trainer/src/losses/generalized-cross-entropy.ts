import * as tf from "@tensorflow/tfjs-core";
import { checkLossInputs, checkOption, type LossFunction } from "./loss-function.ts";

export interface GeneralizedCrossEntropyOptions {
  /** In (0, 1]: towards 0 the loss approaches CE, at 1 it is MAE-like and most noise-tolerant. Default 0.7 (Zhang & Sabuncu's choice). */
  q?: number;
}

/**
 * Generalized cross-entropy (Zhang & Sabuncu, NeurIPS 2018), soft-target form:
 * per pixel (1 − Σ_k y_k p_k^q) / q, averaged over every pixel of the batch. Because Σ_k y_k = 1
 * this is Σ_k y_k (1 − p_k^q)/q, the expected one-hot GCE under labels drawn from y, the same way
 * soft CE extends hard CE. p^q is taken as exp(q·log_softmax) so it stays differentiable at p→0.
 */
export function generalizedCrossEntropyLoss(
  options: GeneralizedCrossEntropyOptions = {},
): LossFunction {
  const q = options.q ?? 0.7;
  checkOption("generalizedCrossEntropy", "q", q, (v) => v > 0 && v <= 1, "in (0, 1]");
  return (yTrue, yPred) => {
    checkLossInputs("generalizedCrossEntropy", yTrue, yPred);
    return tf.tidy(() => {
      const pq = tf.exp(tf.mul(tf.logSoftmax(yPred), q));
      const perPixel = tf.div(tf.sub(1, tf.sum(tf.mul(yTrue, pq), -1)), q);
      return tf.mean(perPixel) as tf.Scalar;
    });
  };
}
