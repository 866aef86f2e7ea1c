import { FusionError } from "./fusion-error.ts";
import { validateLabelMaps } from "./validate-label-maps.ts";

/**
 * Weighted mean of the raters' one-hot labels: p_c(i) = Σ_r w_r [D_r(i) = c] / Σ_r w_r.
 * Weights are reliabilities (non-negative); a zero weight silences a rater entirely.
 */
export function softLabelWeighted(
  labels: readonly Uint8Array[],
  options: { numClasses: number; weights: ArrayLike<number> },
): Float32Array {
  const c = options.numClasses;
  const n = validateLabelMaps(labels, options);
  const w = options.weights;
  if (w.length !== labels.length) {
    throw new FusionError("BAD_WEIGHTS", `got ${w.length} weights for ${labels.length} raters`);
  }
  let total = 0;
  for (let r = 0; r < w.length; r++) {
    const wr = w[r]!;
    if (!Number.isFinite(wr) || wr < 0) {
      throw new FusionError("BAD_WEIGHTS", `weight ${r} is ${wr}; weights must be finite and >= 0`);
    }
    total += wr;
  }
  if (total <= 0) {
    throw new FusionError("ZERO_WEIGHT_SUM", "rater weights sum to 0: no rater is trusted");
  }
  // Accumulate in float64 so many small weights do not lose precision before normalisation.
  const acc = new Float64Array(c * n);
  for (let r = 0; r < labels.length; r++) {
    const wr = w[r]! / total;
    if (wr === 0) continue;
    const map = labels[r]!;
    for (let i = 0; i < n; i++) acc[map[i]! * n + i]! += wr;
  }
  return Float32Array.from(acc);
}
