import { surfaceDistances } from "./surface-distances.ts";
import type { VolumeShape } from "./volume-shape.ts";

/**
 * Average symmetric surface distance: the mean of the two directed mean surface distances
 * (MedPy's `assd`). Both surfaces empty: 0; exactly one empty: Infinity.
 */
export function meanSurfaceDistance(
  a: Uint8Array,
  b: Uint8Array,
  shape: VolumeShape,
  options: { label?: number; planar?: boolean } = {},
): number {
  const { aToB, bToA } = surfaceDistances(a, b, shape, options);
  if (aToB.length === 0 && bToA.length === 0) return 0;
  if (aToB.length === 0 || bToA.length === 0) return Number.POSITIVE_INFINITY;
  const mean = (v: Float64Array) => v.reduce((s, x) => s + x, 0) / v.length;
  return (mean(aToB) + mean(bToA)) / 2;
}
