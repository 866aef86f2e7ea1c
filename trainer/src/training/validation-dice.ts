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
 *
 * The labels are taken on the backend and counted here. Counting on the backend (one-hot, then a
 * sum over the batch and pixel axes) fails on webgpu: tfjs-backend-webgpu 4.22 cannot compile the
 * int32 transpose such a sum needs, and its int32-to-float32 cast keeps the int32 buffer, so
 * casting first fails alike. The labels are read with data(), which webgpu needs in Node.
 */
export async function validationDice(
  model: tfl.LayersModel,
  set: SampleSet,
  options: { batchSize: number },
): Promise<DiceSummary> {
  const { size, classes, count } = set;
  const plane = size * size;
  const intersection = new Float64Array(classes);
  const volume = new Float64Array(classes);
  for (let start = 0; start < count; start += options.batchSize) {
    const n = Math.min(options.batchSize, count - start);
    const [predictedLabels, truthLabels] = tf.tidy(() => {
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
      return [tf.argMax(model.predict(x) as tf.Tensor, -1), tf.argMax(y, -1)];
    });
    const [predictedValues, truthValues] = await Promise.all([
      predictedLabels.data(),
      truthLabels.data(),
    ]).finally(() => tf.dispose([predictedLabels, truthLabels]));
    for (let i = 0; i < n * plane; i++) {
      const predicted = predictedValues[i]!;
      const truth = truthValues[i]!;
      if (predicted === truth) intersection[predicted] = intersection[predicted]! + 1;
      volume[predicted] = volume[predicted]! + 1;
      volume[truth] = volume[truth]! + 1;
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
