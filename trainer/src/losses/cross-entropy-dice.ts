import * as tf from "@tensorflow/tfjs-core";
import { type CrossEntropyOptions, crossEntropyLoss } from "./cross-entropy.ts";
import { checkOption, type LossFunction } from "./loss-function.ts";
import { type SoftDiceOptions, softDiceLoss } from "./soft-dice.ts";

export interface CrossEntropyDiceOptions {
  /** Weight of the cross-entropy term; ≥ 0, default 1. */
  crossEntropyWeight?: number;
  /** Weight of the soft Dice term; ≥ 0, default 1. */
  diceWeight?: number;
  crossEntropy?: CrossEntropyOptions;
  dice?: SoftDiceOptions;
}

/**
 * a·CE + b·(soft Dice loss), each term exactly as its own factory defines it: CE supplies
 * well-scaled per-pixel gradients early on, Dice counters class imbalance.
 */
export function crossEntropyDiceLoss(options: CrossEntropyDiceOptions = {}): LossFunction {
  const a = options.crossEntropyWeight ?? 1;
  const b = options.diceWeight ?? 1;
  checkOption("crossEntropyDice", "crossEntropyWeight", a, (v) => v >= 0, "≥ 0");
  checkOption("crossEntropyDice", "diceWeight", b, (v) => v >= 0, "≥ 0");
  if (a === 0 && b === 0) throw new Error("crossEntropyDice: both weights are 0.");
  const ce = crossEntropyLoss(options.crossEntropy);
  const dice = softDiceLoss(options.dice);
  return (yTrue, yPred) =>
    tf.tidy(() => tf.add(tf.mul(ce(yTrue, yPred), a), tf.mul(dice(yTrue, yPred), b)) as tf.Scalar);
}
