import { validateLabelMaps } from "./validate-label-maps.ts";

/**
 * Per-class fraction of raters who chose each class: the unweighted soft label.
 * Counts are integers, so equal vote counts give bit-identical probabilities and ties stay exact.
 */
export function softLabelRaterMean(
  labels: readonly Uint8Array[],
  options: { numClasses: number },
): Float32Array {
  const c = options.numClasses;
  const n = validateLabelMaps(labels, options);
  const counts = new Uint16Array(c * n);
  for (const map of labels) {
    for (let i = 0; i < n; i++) counts[map[i]! * n + i]!++;
  }
  const out = new Float32Array(c * n);
  const inv = 1 / labels.length;
  for (let j = 0; j < c * n; j++) out[j] = counts[j]! * inv;
  return out;
}
