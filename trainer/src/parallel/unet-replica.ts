import * as tf from "@tensorflow/tfjs-core";
import { crossEntropyLoss } from "../losses/cross-entropy.ts";
import { createUNet, type UNetOptions } from "../models/unet.ts";
import type { Replica } from "./replica.ts";

export interface UNetReplicaOptions {
  unet: Omit<UNetOptions, "outputActivation">;
  learningRate: number;
  /** Default 'adam'. Plain SGD keeps the update proportional to the gradient. */
  optimizer?: "adam" | "sgd";
}

/**
 * A U-Net trained with Adam (or SGD) on soft-target cross-entropy, as a data-parallel
 * replica.
 * The network outputs logits; the loss applies the softmax.
 */
export function unetReplica(options: unknown): Replica {
  const { unet, learningRate, optimizer } = options as UNetReplicaOptions;
  const model = createUNet({ ...unet, outputActivation: "linear" });
  const loss = crossEntropyLoss();
  return {
    variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
    loss: (x, y) => loss(y, model.apply(x, { training: true }) as tf.Tensor),
    optimizer: optimizer === "sgd" ? tf.train.sgd(learningRate) : tf.train.adam(learningRate),
  };
}
