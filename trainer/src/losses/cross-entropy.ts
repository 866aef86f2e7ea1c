import * as tf from "@tensorflow/tfjs-core";
import { checkLossInputs, checkOption, type LossFunction } from "./loss-function.ts";

export interface CrossEntropyOptions {
  /**
   * Per-class weights w_k (length C, each ≥ 0) against the background's dominance. As in
   * PyTorch's CrossEntropyLoss with probability targets, the mean is still over pixels, not
   * over the weights' total, so weights also scale the loss.
   */
  classWeights?: readonly number[];
}

/**
 * Categorical cross-entropy with soft targets: per pixel −Σ_k w_k y_k log softmax(z)_k
 * (w_k = 1 by default), averaged over every pixel of the batch. For one-hot y this is the usual
 * −log p_y; for soft y it is the expected one-hot loss under labels drawn from y.
 */
export function crossEntropyLoss(options: CrossEntropyOptions = {}): LossFunction {
  const weights = options.classWeights;
  for (const [k, w] of (weights ?? []).entries()) {
    checkOption("crossEntropy", `classWeights[${k}]`, w, (v) => v >= 0, "≥ 0");
  }
  return (yTrue, yPred) => {
    const classes = checkLossInputs("crossEntropy", yTrue, yPred);
    if (weights !== undefined && weights.length !== classes) {
      throw new Error(`crossEntropy: ${weights.length} class weights for ${classes} classes.`);
    }
    return tf.tidy(() => {
      const weighted = weights === undefined ? yTrue : tf.mul(yTrue, tf.tensor1d([...weights]));
      const perPixel = tf.neg(tf.sum(tf.mul(weighted, tf.logSoftmax(yPred)), -1));
      return tf.mean(perPixel) as tf.Scalar;
    });
  };
}
