import type * as tf from "@tensorflow/tfjs-core";

/**
 * One copy of what is being trained, built inside a worker: the variables, the loss of a
 * shard of the batch, and the optimizer that updates the variables from averaged
 * gradients. Built by a factory in a module the worker imports, because functions and
 * tensors cannot cross threads.
 */
export interface Replica {
  variables: tf.Variable[];
  /** Mean loss over the shard; its gradient is what the workers average. */
  loss(x: tf.Tensor, y: tf.Tensor, context: StepContext): tf.Scalar;
  optimizer: tf.Optimizer;
}

/** What the training loop tells every replica about one step. */
export interface StepContext {
  /** Seeds dropout masks, so a resumed run draws the same ones. */
  noiseSeed: number;
  /** A warm-up step: the replica's warm-up loss instead of its own. */
  warmup: boolean;
}

/** Where a worker finds the replica factory: `import(module)[exportName](options)`. */
export interface ReplicaSpec {
  /** URL of the module (file:// URL of a .ts or .js file). */
  module: string;
  exportName: string;
  /** Passed to the factory; must survive structured cloning. */
  options?: unknown;
}

export type ReplicaFactory = (options: unknown) => Replica | Promise<Replica>;
