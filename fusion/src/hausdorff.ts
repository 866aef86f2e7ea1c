import { surfaceDistances } from "./surface-distances.ts";
import type { VolumeShape } from "./volume-shape.ts";

export interface HausdorffOptions {
  label?: number;
  planar?: boolean;
  /** 100 gives the Hausdorff distance; 95 gives HD95. */
  percentile?: number;
}

/**
 * Symmetric Hausdorff distance between the surfaces of class `label`, or, with `percentile`,
 * the larger of the two directed percentiles (the MedPy/MONAI HD95 convention). Both surfaces
 * empty: 0. Exactly one empty: Infinity, since no finite distance bounds a missing structure.
 */
export function hausdorff(
  a: Uint8Array,
  b: Uint8Array,
  shape: VolumeShape,
  options: HausdorffOptions = {},
): number {
  const { aToB, bToA } = surfaceDistances(a, b, shape, options);
  if (aToB.length === 0 && bToA.length === 0) return 0;
  if (aToB.length === 0 || bToA.length === 0) return Number.POSITIVE_INFINITY;
  const q = options.percentile ?? 100;
  return Math.max(percentile(aToB, q), percentile(bToA, q));
}

/** HD95: the 95th-percentile Hausdorff distance. */
export function hausdorff95(
  a: Uint8Array,
  b: Uint8Array,
  shape: VolumeShape,
  options: Omit<HausdorffOptions, "percentile"> = {},
): number {
  return hausdorff(a, b, shape, { ...options, percentile: 95 });
}

/** Linear-interpolated percentile (NumPy's default), on a sorted copy. */
function percentile(values: Float64Array, q: number): number {
  const s = Float64Array.from(values).sort();
  const pos = ((s.length - 1) * q) / 100;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
