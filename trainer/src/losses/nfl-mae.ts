import * as tf from "@tensorflow/tfjs-core";
import { checkLossInputs, checkOption, type LossFunction } from "./loss-function.ts";

export interface NflMaeOptions {
  /** Weight of the active term NFL; ≥ 0, default 1. */
  alpha?: number;
  /** Weight of the passive term MAE; ≥ 0, default 1. */
  beta?: number;
  /** Focusing parameter γ ≥ 0 of the focal loss; 0 turns NFL into NCE. Default 0.5 (Ma et al.'s CIFAR setting). */
  gamma?: number;
}

/**
 * α·NFL + β·MAE, the active-passive loss of Ma et al. (ICML 2020), averaged over every pixel
 * of the batch. Soft-target forms, per pixel, with p = softmax(logits) and
 * FL_k = −(1 − p_k)^γ log p_k, the focal loss if class k were the label:
 *
 * - NFL = Σ_k y_k FL_k / Σ_j FL_j: the soft target weights the numerator only, so NFL stays in
 *   [0, 1] and is the expectation of one-hot NFL under labels drawn from y.
 * - MAE = Σ_k |p_k − y_k|, the L1 distance of the two distributions; 2(1 − p_y) for one-hot y,
 *   as in the paper, and 0 exactly when p = y.
 */
export function nflMaeLoss(options: NflMaeOptions = {}): LossFunction {
  const alpha = options.alpha ?? 1;
  const beta = options.beta ?? 1;
  const gamma = options.gamma ?? 0.5;
  checkOption("nflMae", "alpha", alpha, (v) => v >= 0, "≥ 0");
  checkOption("nflMae", "beta", beta, (v) => v >= 0, "≥ 0");
  checkOption("nflMae", "gamma", gamma, (v) => v >= 0, "≥ 0");
  if (alpha === 0 && beta === 0) throw new Error("nflMae: alpha and beta are both 0.");
  return (yTrue, yPred) => {
    // One class makes every FL_j = 0: NFL is 0/0.
    const classes = checkLossInputs("nflMae", yTrue, yPred, { minClasses: 2 });
    return tf.tidy(() => {
      const logP = tf.logSoftmax(yPred);
      const focal = tf.mul(tf.exp(tf.mul(logOneMinusSoftmax(yPred, classes), gamma)), tf.neg(logP));
      const nfl = tf.div(tf.sum(tf.mul(yTrue, focal), -1), tf.sum(focal, -1));
      const mae = tf.sum(tf.abs(tf.sub(tf.exp(logP), yTrue)), -1);
      return tf.mean(tf.add(tf.mul(nfl, alpha), tf.mul(mae, beta))) as tf.Scalar;
    });
  };
}

/**
 * log(1 − p_k) as log Σ_{j≠k} e^{z_j} − log Σ_j e^{z_j}. Forming 1 − p_k directly rounds to 0
 * once p_k is within float32 epsilon of 1 (logit gaps above ~17), and (1 − p)^γ with γ < 1 then
 * has an infinite derivative that turns the gradient into NaN. Costs a C×C expansion per pixel,
 * which is small for a handful of classes.
 */
function logOneMinusSoftmax(logits: tf.Tensor, classes: number): tf.Tensor {
  // A large finite negative rather than −∞ drops the k-th term without ∞ − ∞ in the max shift.
  const dropSelf = tf.mul(tf.eye(classes), -1e9);
  const others = tf.add(tf.expandDims(logits, -2), dropSelf);
  return tf.sub(tf.logSumExp(others, -1), tf.logSumExp(logits, -1, true));
}
