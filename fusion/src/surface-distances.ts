import { euclideanDistanceTransform } from "./euclidean-distance-transform.ts";
import { FusionError } from "./fusion-error.ts";
import { resolveShape, type VolumeShape } from "./volume-shape.ts";

/**
 * Directed distances between the surfaces of class `label` in two label maps: for every surface
 * voxel of A, the distance to the nearest surface voxel of B, and vice versa. A surface voxel is
 * one with a face neighbour outside the class (the grid edge counts as outside). With
 * `planar`, surfaces and distances are 2D per slice (a short-axis stack with thick slices).
 */
export function surfaceDistances(
  a: Uint8Array,
  b: Uint8Array,
  shape: VolumeShape,
  options: { label?: number; planar?: boolean } = {},
): { aToB: Float64Array; bToA: Float64Array } {
  if (a.length !== b.length) {
    throw new FusionError("SIZE_MISMATCH", `label maps of ${a.length} and ${b.length} voxels`);
  }
  const label = options.label ?? 1;
  const sa = surface(a, shape, label, options.planar ?? false);
  const sb = surface(b, shape, label, options.planar ?? false);
  return {
    aToB: sample(euclideanDistanceTransform(sb, shape, options), sa),
    bToA: sample(euclideanDistanceTransform(sa, shape, options), sb),
  };
}

function surface(map: Uint8Array, shape: VolumeShape, label: number, planar: boolean): Uint8Array {
  const { width, height, depth } = resolveShape(shape, map.length);
  const plane = width * height;
  const out = new Uint8Array(map.length);
  const useZ = depth > 1 && !planar;
  for (let z = 0; z < depth; z++) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = z * plane + y * width + x;
        if (map[i] !== label) continue;
        const edge =
          x === 0 ||
          x === width - 1 ||
          y === 0 ||
          y === height - 1 ||
          map[i - 1] !== label ||
          map[i + 1] !== label ||
          map[i - width] !== label ||
          map[i + width] !== label ||
          (useZ &&
            (z === 0 || z === depth - 1 || map[i - plane] !== label || map[i + plane] !== label));
        if (edge) out[i] = 1;
      }
    }
  }
  return out;
}

function sample(distance: Float64Array, at: Uint8Array): Float64Array {
  let n = 0;
  for (let i = 0; i < at.length; i++) n += at[i]!;
  const out = new Float64Array(n);
  for (let i = 0, k = 0; i < at.length; i++) if (at[i]) out[k++] = distance[i]!;
  return out;
}
