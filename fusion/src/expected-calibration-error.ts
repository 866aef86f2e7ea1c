import { checkSizes } from "./brier-score.ts";
import { FusionError } from "./fusion-error.ts";

/**
 * Top-label expected calibration error (Guo et al. 2017): voxels binned by the probability of
 * their most likely class into `bins` equal-width bins; the count-weighted mean of
 * |accuracy − confidence| over bins. Ties in the top label go to the lowest class.
 */
export function expectedCalibrationError(
  probabilities: Float32Array,
  reference: Uint8Array,
  options: { numClasses: number; bins?: number; mask?: Uint8Array },
): number {
  const c = options.numClasses;
  const bins = options.bins ?? 10;
  if (!Number.isInteger(bins) || bins < 1) {
    throw new FusionError("BAD_OPTION", `bins must be a positive integer, got ${bins}`);
  }
  checkSizes(probabilities, reference, c, options.mask);
  const n = reference.length;
  const conf = new Float64Array(bins);
  const correct = new Float64Array(bins);
  const count = new Float64Array(bins);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (options.mask && !options.mask[i]) continue;
    let best = 0;
    let bestP = probabilities[i]!;
    for (let k = 1; k < c; k++) {
      const p = probabilities[k * n + i]!;
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    const b = Math.min(bins - 1, Math.floor(bestP * bins));
    conf[b] = conf[b]! + bestP;
    correct[b] = correct[b]! + (best === reference[i] ? 1 : 0);
    count[b] = count[b]! + 1;
    total++;
  }
  if (total === 0) throw new FusionError("EMPTY_INPUT", "no voxels to score");
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    ece += Math.abs(correct[b]! - conf[b]!) / total;
  }
  return ece;
}
