import { priorShape } from "./prior-shape.ts";
import type { VolumeShape } from "./volume-shape.ts";

/**
 * Prior "neighbouring slices agree": each class probability of an inner slice becomes the median
 * of itself and the same voxel in the slices above and below, then voxels are renormalised.
 * A median keeps any monotone change through the stack exactly (a structure growing or
 * shrinking towards base or apex) and removes only single-slice spikes and dropouts, such as a
 * slice where the raters missed the LV. The first and last slices, having one neighbour, are
 * kept. A voxel whose medians are all zero keeps its original probabilities.
 */
export function priorSliceConsistency(
  probabilities: Float32Array,
  shape: VolumeShape,
  options: { numClasses: number },
): Float32Array {
  const c = options.numClasses;
  const { depth, plane, voxels } = priorShape(probabilities, shape, c);
  const out = Float32Array.from(probabilities);
  if (depth < 3) return out;
  const med = new Float32Array(c);
  for (let z = 1; z < depth - 1; z++) {
    for (let j = 0; j < plane; j++) {
      const i = z * plane + j;
      let sum = 0;
      let changed = false;
      for (let k = 0; k < c; k++) {
        const base = k * voxels + i;
        const a = probabilities[base - plane]!;
        const b = probabilities[base]!;
        const d = probabilities[base + plane]!;
        const m = Math.max(Math.min(a, b), Math.min(Math.max(a, b), d));
        med[k] = m;
        sum += m;
        if (m !== b) changed = true;
      }
      // Unchanged voxels are copied bit for bit rather than renormalised by a rounded sum.
      if (!changed || sum <= 0) continue;
      for (let k = 0; k < c; k++) out[k * voxels + i] = med[k]! / sum;
    }
  }
  return out;
}
