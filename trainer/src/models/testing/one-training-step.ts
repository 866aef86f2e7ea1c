import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { crossEntropyLoss } from "../../losses/cross-entropy.ts";
import { NOISE_SEED_KWARG } from "../spatial-dropout.ts";

export interface StepOutcome {
  loss: number;
  /** Trainable weights whose values the step changed, out of all trainable ones. */
  changed: number;
  trainable: number;
  /** Non-trainable weights (batch-norm statistics) the step changed. */
  statisticsChanged: number;
}

/** One Adam step of cross-entropy on random data, reporting which weights moved. */
export function oneTrainingStep(
  model: tfl.LayersModel,
  size: number,
  classes: number,
): StepOutcome {
  const snapshot = (weights: tfl.LayerVariable[]) =>
    weights.map((w) => Float32Array.from(w.read().dataSync()));
  const trainableBefore = snapshot(model.trainableWeights);
  const statisticsBefore = snapshot(model.nonTrainableWeights);
  const optimizer = tf.train.adam(1e-3);
  const loss = crossEntropyLoss();
  const cost = tf.tidy(() => {
    const x = tf.randomNormal([2, size, size, 1], 0, 1, "float32", 1);
    const labels = tf.randomUniform([2, size, size], 0, classes, "int32", 2);
    const y = tf.cast(tf.oneHot(labels, classes), "float32");
    return optimizer.minimize(
      () => loss(y, model.apply(x, { training: true, [NOISE_SEED_KWARG]: 3 }) as tf.Tensor),
      true,
      model.trainableWeights.map((w) => w.read() as tf.Variable),
    )!;
  });
  const value = cost.dataSync()[0]!;
  cost.dispose();
  optimizer.dispose();
  const moved = (before: Float32Array[], weights: tfl.LayerVariable[]) =>
    weights.filter((w, i) => {
      const now = w.read().dataSync();
      return now.some((v, j) => v !== before[i]![j]);
    }).length;
  return {
    loss: value,
    changed: moved(trainableBefore, model.trainableWeights),
    trainable: model.trainableWeights.length,
    statisticsChanged: moved(statisticsBefore, model.nonTrainableWeights),
  };
}
