import * as tf from "@tensorflow/tfjs-core";
import { checkLossInputs, checkOption, type LossFunction } from "./loss-function.ts";

export interface NceRceOptions {
  /** Weight of the active term NCE; ≥ 0, default 1. */
  alpha?: number;
  /** Weight of the passive term RCE; ≥ 0, default 1. */
  beta?: number;
  /** A, the value log 0 is clipped to in RCE; < 0, default −4 (Ma et al.). */
  logZero?: number;
}

/**
 * α·NCE + β·RCE, the active-passive loss of Ma et al. (ICML 2020), averaged over every pixel
 * of the batch. Soft-target forms, per pixel, with p = softmax(logits):
 *
 * - NCE = (−Σ_k y_k log p_k) / (−Σ_j log p_j): soft CE over the CE every class would have as
 *   the label. The denominator is the paper's; only the numerator takes the soft target, so the
 *   loss stays in [0, 1] and is the expectation of one-hot NCE under labels drawn from y.
 * - RCE = −Σ_k p_k max(log y_k, A): cross-entropy with the roles of p and y swapped; for one-hot
 *   y it is −A(1 − p_y). With soft y it is smallest when p puts all its mass on the most likely
 *   class of y, not when p = y: RCE rewards confidence in the consensus, NCE fits the shape.
 */
export function nceRceLoss(options: NceRceOptions = {}): LossFunction {
  const alpha = options.alpha ?? 1;
  const beta = options.beta ?? 1;
  const logZero = options.logZero ?? -4;
  checkOption("nceRce", "alpha", alpha, (v) => v >= 0, "≥ 0");
  checkOption("nceRce", "beta", beta, (v) => v >= 0, "≥ 0");
  checkOption("nceRce", "logZero", logZero, (v) => v < 0, "< 0");
  if (alpha === 0 && beta === 0) throw new Error("nceRce: alpha and beta are both 0.");
  return (yTrue, yPred) => {
    // One class makes Σ_j −log p_j = 0: NCE is 0/0.
    checkLossInputs("nceRce", yTrue, yPred, { minClasses: 2 });
    return tf.tidy(() => {
      const logP = tf.logSoftmax(yPred);
      const ce = tf.neg(tf.sum(tf.mul(yTrue, logP), -1));
      const nce = tf.div(ce, tf.neg(tf.sum(logP, -1)));
      // max(log y, A) as log(max(y, e^A)): never forms log 0, so no −∞ meets a 0 weight.
      const clippedLogY = tf.log(tf.maximum(yTrue, Math.exp(logZero)));
      const rce = tf.neg(tf.sum(tf.mul(tf.exp(logP), clippedLogY), -1));
      return tf.mean(tf.add(tf.mul(nce, alpha), tf.mul(rce, beta))) as tf.Scalar;
    });
  };
}
