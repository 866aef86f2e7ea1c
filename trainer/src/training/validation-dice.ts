import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { SampleSet } from "./sample-set.ts";

export interface DiceSummary {
  /** Mean over the foreground classes present in prediction or target; NaN when none is. */
  mean: number;
  /** Dice of classes 1..C−1 pooled over every pixel of the set; null where a class is absent from both. */
  perClass: (number | null)[];
}

/**
 * Foreground Dice of the model's hard labels against the targets' most likely class, pooled
 * over the whole set (one intersection and one volume per class), as early stopping needs one
 * number that small or empty slices cannot swing.
 */
export function validationDice(
  model: tfl.LayersModel,
  set: SampleSet,
  options: { batchSize: number },
): DiceSummary {
  const { size, classes, count } = set;
  const plane = size * size;
  const intersection = new Float64Array(classes);
  const volume = new Float64Array(classes);
  for (let start = 0; start < count; start += options.batchSize) {
    const n = Math.min(options.batchSize, count - start);
    const counts = tf.tidy(() => {
      const x = tf.tensor4d(set.images.subarray(start * plane, (start + n) * plane), [
        n,
        size,
        size,
        1,
      ]);
      const y = tf.tensor4d(
        set.targets.subarray(start * plane * classes, (start + n) * plane * classes),
        [n, size, size, classes],
      );
      const predicted = tf.oneHot(tf.argMax(model.predict(x) as tf.Tensor, -1), classes);
      const truth = tf.oneHot(tf.argMax(y, -1), classes);
      const axes = [0, 1, 2];
      return tf.stack([
        tf.sum(tf.mul(predicted, truth), axes),
        tf.add(tf.sum(predicted, axes), tf.sum(truth, axes)),
      ]);
    });
    const values = counts.dataSync();
    counts.dispose();
    for (let k = 0; k < classes; k++) {
      intersection[k] = intersection[k]! + values[k]!;
      volume[k] = volume[k]! + values[classes + k]!;
    }
  }
  const perClass: (number | null)[] = [];
  for (let k = 1; k < classes; k++)
    perClass.push(volume[k]! > 0 ? (2 * intersection[k]!) / volume[k]! : null);
  const present = perClass.filter((d): d is number => d !== null);
  const mean =
    present.length > 0 ? present.reduce((a, b) => a + b, 0) / present.length : Number.NaN;
  return { mean, perClass };
}
