import * as tf from "@tensorflow/tfjs-core";
import { createModel, type ModelSpec } from "../models/create-model.ts";
import { NOISE_SEED_KWARG } from "../models/spatial-dropout.ts";
import { createLoss, type LossName, type LossParameters } from "../training/create-loss.ts";
import type { Replica } from "./replica.ts";

/** A training run's network and loss as a data-parallel replica needs them; structured-cloneable. */
export interface ModelReplicaOptions {
  model: ModelSpec;
  loss: LossName;
  lossOptions?: LossParameters;
  learningRate: number;
  /** Default 'adam', as train uses. Plain SGD keeps the update proportional to the gradient. */
  optimizer?: "adam" | "sgd";
}

/**
 * A training run's replica: the run's network (weights come from the trainer's `load`), its
 * loss, cross-entropy for warm-up steps, and Adam, as `train` itself uses them.
 */
export function modelReplica(options: unknown): Replica {
  const {
    model: spec,
    loss,
    lossOptions,
    learningRate,
    optimizer,
  } = options as ModelReplicaOptions;
  const model = createModel(spec);
  const runLoss = createLoss(loss, lossOptions);
  const warmupLoss = createLoss("ce");
  return {
    variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
    loss: (x, y, context) =>
      (context.warmup ? warmupLoss : runLoss)(
        y,
        model.apply(x, { training: true, [NOISE_SEED_KWARG]: context.noiseSeed }) as tf.Tensor,
      ),
    optimizer: optimizer === "sgd" ? tf.train.sgd(learningRate) : tf.train.adam(learningRate),
  };
}
