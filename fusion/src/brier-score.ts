import { FusionError } from "./fusion-error.ts";

/**
 * Multi-class Brier score of class-major probabilities against a reference label map:
 * mean over voxels of Σ_c (p_c − [ref = c])², in [0, 2]. `mask` restricts the voxels scored
 * (e.g. to the field raters saw, so far-away background does not flatter the score).
 */
export function brierScore(
  probabilities: Float32Array,
  reference: Uint8Array,
  options: { numClasses: number; mask?: Uint8Array },
): number {
  const c = options.numClasses;
  const n = reference.length;
  checkSizes(probabilities, reference, c, options.mask);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (options.mask && !options.mask[i]) continue;
    const ref = reference[i]!;
    for (let k = 0; k < c; k++) {
      const e = probabilities[k * n + i]! - (k === ref ? 1 : 0);
      sum += e * e;
    }
    count++;
  }
  if (count === 0) throw new FusionError("EMPTY_INPUT", "no voxels to score");
  return sum / count;
}

export function checkSizes(
  probabilities: Float32Array,
  reference: Uint8Array,
  c: number,
  mask: Uint8Array | undefined,
): void {
  if (probabilities.length !== c * reference.length) {
    throw new FusionError(
      "SIZE_MISMATCH",
      `${probabilities.length} probabilities for ${c} classes × ${reference.length} voxels`,
    );
  }
  if (mask && mask.length !== reference.length) {
    throw new FusionError("SIZE_MISMATCH", `mask of ${mask.length} voxels`);
  }
}
