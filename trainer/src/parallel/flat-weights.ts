import * as tf from "@tensorflow/tfjs-core";

/**
 * The variables' values concatenated in order, the layout in which the data-parallel trainer,
 * its replicas and the training loop hand weights to one another. Read with data(), which
 * every backend serves (webgpu cannot read synchronously in Node). Writes into `target` when
 * given (e.g. a SharedArrayBuffer's view).
 */
export async function readFlatWeights(
  variables: readonly tf.Variable[],
  target: Float32Array = new Float32Array(variables.reduce((n, v) => n + v.size, 0)),
): Promise<Float32Array> {
  const values = await Promise.all(variables.map((v) => v.data()));
  let offset = 0;
  for (const [i, v] of variables.entries()) {
    target.set(values[i] as Float32Array, offset);
    offset += v.size;
  }
  return target;
}

/** Sets the variables from values laid out as readFlatWeights lays them out. */
export function assignFlatWeights(variables: readonly tf.Variable[], flat: Float32Array): void {
  let offset = 0;
  for (const v of variables) {
    tf.tidy(() => v.assign(tf.tensor(flat.subarray(offset, offset + v.size), v.shape)));
    offset += v.size;
  }
}
