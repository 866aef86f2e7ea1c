import { FusionError } from "./fusion-error.ts";

/** Grid of a slice (depth 1) or volume, x fastest; spacing in physical units per axis. */
export interface VolumeShape {
  width: number;
  height: number;
  depth?: number;
  spacing?: readonly [number, number] | readonly [number, number, number];
}

export interface ResolvedShape {
  width: number;
  height: number;
  depth: number;
  spacing: [number, number, number];
  voxels: number;
}

export function resolveShape(shape: VolumeShape, length?: number): ResolvedShape {
  const depth = shape.depth ?? 1;
  const { width, height } = shape;
  for (const v of [width, height, depth]) {
    if (!Number.isInteger(v) || v < 1) {
      throw new FusionError("BAD_SHAPE", `shape ${width}×${height}×${depth} is not a grid`);
    }
  }
  const s = shape.spacing ?? [1, 1, 1];
  const spacing: [number, number, number] = [s[0], s[1], s[2] ?? 1];
  if (!spacing.every((v) => Number.isFinite(v) && v > 0)) {
    throw new FusionError("BAD_SHAPE", `spacing must be positive, got ${spacing.join(", ")}`);
  }
  const voxels = width * height * depth;
  if (length !== undefined && length !== voxels) {
    throw new FusionError(
      "SIZE_MISMATCH",
      `array of ${length} voxels does not fit shape ${width}×${height}×${depth}`,
    );
  }
  return { width, height, depth, spacing, voxels };
}
