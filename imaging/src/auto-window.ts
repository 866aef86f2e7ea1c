import { ImagingError } from "./imaging-error.ts";

export interface AutoWindowOptions {
  /** Percentile (0..100) that maps to black. */
  lowPercentile?: number;
  /** Percentile (0..100) that maps to white. */
  highPercentile?: number;
}

/**
 * A default display window from percentiles of the finite intensities (linear interpolation
 * between order statistics), so a few hot voxels or a zero-padded border do not wash the image
 * out the way a plain min/max window would.
 */
export function autoWindow(
  data: Float32Array,
  options: AutoWindowOptions = {},
): { min: number; max: number } {
  const low = options.lowPercentile ?? 0.5;
  const high = options.highPercentile ?? 99.5;
  if (!(low >= 0 && high <= 100 && low <= high)) {
    throw new ImagingError(
      "invalid_argument",
      `percentiles must satisfy 0 ≤ low ≤ high ≤ 100, got low ${low} and high ${high}`,
    );
  }
  const finite = data.filter((v) => Number.isFinite(v)).sort();
  if (finite.length === 0) {
    throw new ImagingError(
      "invalid_argument",
      `cannot choose a display window: none of the ${data.length} values is a finite number`,
    );
  }
  return { min: percentileOfSorted(finite, low), max: percentileOfSorted(finite, high) };
}

function percentileOfSorted(sorted: Float32Array, percentile: number): number {
  const rank = (percentile / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = rank - below;
  return sorted[below]! + (sorted[above]! - sorted[below]!) * fraction;
}
