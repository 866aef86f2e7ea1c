import * as tf from "@tensorflow/tfjs-core";
import { checkLossInputs, checkOption, type LossFunction } from "./loss-function.ts";

export interface SoftDiceOptions {
  /** Added to numerator and denominator, so a class absent from targets and prediction scores 1; > 0. Default 1e-5. */
  epsilon?: number;
  /** Leave class 0 out of the mean: it dwarfs the structures and would dominate the average. */
  excludeBackground?: boolean;
}

/**
 * Soft Dice loss: 1 − mean_c (2 Σ p_c y_c + ε) / (Σ p_c + Σ y_c + ε), with p = softmax(logits)
 * and the sums over every pixel of the whole batch ("batch Dice"). Summing over the batch
 * rather than per image keeps a structure that is missing from one slice (apex, base) from
 * contributing a Dice of 0 or 1 driven by the smoothing term alone.
 */
export function softDiceLoss(options: SoftDiceOptions = {}): LossFunction {
  const epsilon = options.epsilon ?? 1e-5;
  checkOption("softDice", "epsilon", epsilon, (v) => v > 0, "> 0");
  const excludeBackground = options.excludeBackground ?? false;
  return (yTrue, yPred) => {
    const classes = checkLossInputs("softDice", yTrue, yPred, {
      minClasses: excludeBackground ? 2 : 1,
    });
    return tf.tidy(() => {
      const p = tf.softmax(yPred);
      const pixelAxes = Array.from({ length: yPred.rank - 1 }, (_, axis) => axis);
      const intersection = tf.sum(tf.mul(p, yTrue), pixelAxes);
      const total = tf.add(tf.sum(p, pixelAxes), tf.sum(yTrue, pixelAxes));
      const dicePerClass = tf.div(tf.add(tf.mul(intersection, 2), epsilon), tf.add(total, epsilon));
      const scored = excludeBackground ? tf.slice(dicePerClass, [1], [classes - 1]) : dicePerClass;
      return tf.sub(1, tf.mean(scored)) as tf.Scalar;
    });
  };
}
