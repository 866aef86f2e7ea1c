import type * as tf from "@tensorflow/tfjs-core";

/**
 * The contract every loss here follows: `yTrue` holds soft targets (per-pixel class
 * probabilities, classes on the last axis, e.g. [batch, H, W, C]); `yPred` holds the model's
 * logits in the same shape. Losses apply (log-)softmax themselves because log(softmax(z)) taken
 * as log-sum-exp stays finite where a softmax output has already rounded to 0 or 1. A U-Net
 * trained with these losses is built with `outputActivation: "linear"`.
 *
 * Targets are trusted to sum to 1 per pixel: checking would need a device-to-host read per step.
 */
export type LossFunction = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar;

/** Rejects inputs the formulas have no meaning for, before any tensor is allocated. */
export function checkLossInputs(
  lossName: string,
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
  options: { minClasses?: number } = {},
): number {
  if (yTrue.rank < 2) {
    throw new Error(`${lossName}: targets need a class axis last, got shape [${yTrue.shape}].`);
  }
  if (yTrue.rank !== yPred.rank || yTrue.shape.some((size, axis) => size !== yPred.shape[axis])) {
    throw new Error(
      `${lossName}: targets of shape [${yTrue.shape}] and logits of shape [${yPred.shape}] differ.`,
    );
  }
  const classes = yPred.shape[yPred.rank - 1]!;
  const minClasses = options.minClasses ?? 1;
  if (classes < minClasses) {
    throw new Error(`${lossName}: needs at least ${minClasses} classes, got ${classes}.`);
  }
  if (yPred.size === 0) throw new Error(`${lossName}: no pixels to average over.`);
  return classes;
}

/** Rejects option values outside a loss's domain, when the factory is called. */
export function checkOption(
  lossName: string,
  option: string,
  value: number,
  valid: (v: number) => boolean,
  domain: string,
): void {
  if (!Number.isFinite(value) || !valid(value)) {
    throw new Error(`${lossName}: ${option} must be ${domain}, got ${value}.`);
  }
}
