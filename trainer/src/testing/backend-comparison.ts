import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
import * as tf from "@tensorflow/tfjs-core";
import { registerWasmGradientKernels } from "../kernels/register-wasm-gradient-kernels.ts";

/** Deterministic values in [-1, 1) (mulberry32), so a failing case can be replayed. */
export function seededValues(count: number, seed: number): Float32Array {
  let state = seed >>> 0;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

/** Deterministic integers in [lo, hi]. */
export function seededInts(count: number, lo: number, hi: number, seed: number): number[] {
  return Array.from(
    seededValues(count, seed),
    (v) => lo + Math.floor(((v + 1) / 2) * (hi - lo + 1)),
  );
}

export type ReferenceBackend = "cpu";
export type BackendUnderTest = "wasm";

/** Makes `backend` current, with the project's kernels and gradients installed. */
export async function useBackend(backend: ReferenceBackend | BackendUnderTest): Promise<void> {
  registerWasmGradientKernels();
  if (!(await tf.setBackend(backend)))
    throw new Error(`Backend '${backend}' failed to initialise.`);
}

/**
 * Runs `compute` on the named backend, with the project's kernels and gradients
 * installed, and returns its outputs as plain arrays, so the same computation can be
 * compared across backends. Everything it allocates is freed.
 */
export async function runOn(
  backend: ReferenceBackend | BackendUnderTest,
  compute: () => tf.Tensor | tf.Tensor[],
): Promise<Float32Array[]> {
  registerWasmGradientKernels();
  if (!(await tf.setBackend(backend)))
    throw new Error(`Backend '${backend}' failed to initialise.`);
  return tf.tidy(() => {
    const out = compute();
    return (Array.isArray(out) ? out : [out]).map((t) => t.dataSync() as Float32Array);
  });
}

/** Largest absolute difference divided by the largest magnitude of the expected values. */
export function relativeError(actual: Float32Array, expected: Float32Array): number {
  if (actual.length !== expected.length) {
    throw new Error(`Length mismatch: ${actual.length} vs ${expected.length}.`);
  }
  let maxDiff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const d = Math.abs(actual[i]! - e);
    if (Number.isNaN(d)) return Number.POSITIVE_INFINITY;
    maxDiff = Math.max(maxDiff, d);
    scale = Math.max(scale, Math.abs(e));
  }
  return maxDiff / (scale || 1);
}

/** Tensor count and backend buffer count: composed kernels can leak the latter alone. */
export function allocationCounts(): { tensors: number; buffers: number } {
  return { tensors: tf.memory().numTensors, buffers: tf.engine().backend.numDataIds() };
}
