import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { SavedTensor } from "./checkpoint-codec.ts";

/**
 * The model's weights, trainable or not (batch-norm statistics too), in the model's own order.
 * Saved under each weight's name as given at construction (tfjs-layers appends _1, _2 to a
 * second model's names in one process; the construction name is the stable one). Read with
 * data(), as the webgpu backend cannot read synchronously in Node; the reads are all started
 * before any is awaited, so a GPU backend need not finish one before starting the next.
 */
export async function saveModelWeights(model: tfl.LayersModel): Promise<SavedTensor[]> {
  const values = model.weights.map((w) => w.read());
  const read = await Promise.all(values.map((v) => v.data()));
  return model.weights.map((w, i) => ({
    name: w.originalName,
    shape: [...values[i]!.shape],
    dtype: "float32",
    // The cpu and wasm backends hand back their own storage, which later steps overwrite.
    values: Float32Array.from(read[i] as Float32Array),
  }));
}

/** Loads weights saved by saveModelWeights into a model of the same architecture. */
export function loadModelWeights(model: tfl.LayersModel, saved: readonly SavedTensor[]): void {
  const weights = model.weights;
  if (weights.length !== saved.length) {
    throw new Error(
      `loadModelWeights: the model has ${weights.length} weights, the checkpoint ${saved.length}: another architecture.`,
    );
  }
  const tensors = saved.map((s, i) => {
    const w = weights[i]!;
    if (s.name !== w.originalName || !sameShape(s.shape, w.shape)) {
      throw new Error(
        `loadModelWeights: weight ${i} is ${w.originalName} [${w.shape}] in the model, ` +
          `${s.name} [${s.shape}] in the checkpoint.`,
      );
    }
    return tf.tensor(s.values, s.shape, "float32");
  });
  model.setWeights(tensors);
  tf.dispose(tensors);
}

/** The optimizer's state (Adam: step count and both moment estimates per variable). */
export async function saveOptimizerState(optimizer: tf.Optimizer): Promise<SavedTensor[]> {
  const named = await optimizer.getWeights();
  try {
    const read = await Promise.all(named.map(({ tensor }) => tensor.data()));
    return named.map(({ name, tensor }, i): SavedTensor => {
      const int = tensor.dtype === "int32";
      return {
        name,
        shape: [...tensor.shape],
        dtype: int ? "int32" : "float32",
        values: int
          ? Int32Array.from(read[i] as Int32Array)
          : Float32Array.from(read[i] as Float32Array),
      };
    });
  } finally {
    // getWeights hands back its iteration count as a fresh tensor and the moments as the live variables.
    named.find((n) => n.name === "iter")?.tensor.dispose();
  }
}

/** Restores what saveOptimizerState saved, into a new optimizer of the same kind. */
export async function loadOptimizerState(
  optimizer: tf.Optimizer,
  saved: readonly SavedTensor[],
): Promise<void> {
  const named = saved.map((s) => ({ name: s.name, tensor: tf.tensor(s.values, s.shape, s.dtype) }));
  await optimizer.setWeights(named);
  // setWeights copies the moments into fresh variables and reads the count as a number.
  tf.dispose(named.map((n) => n.tensor));
}

function sameShape(a: readonly number[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
