import { EvaluationError } from "./evaluation-error.ts";

/** Voxel size in mm along x, y, z (z: slice spacing of a short-axis stack). */
export type Spacing = readonly [number, number, number];

/**
 * Grid of a label volume, x fastest then y then z. `spacing` is null when the source gave none
 * (e.g. PNG slices): sizes are then reported in voxels rather than guessed in mm.
 */
export interface VolumeGrid {
  width: number;
  height: number;
  depth: number;
  spacing: Spacing | null;
}

export interface LabelVolume extends VolumeGrid {
  labels: Uint8Array;
}

/** Checks that `labels` fills `grid` and the spacing is physical, naming `what` in the message. */
export function checkLabelVolume(what: string, labels: Uint8Array, grid: VolumeGrid): void {
  const { width, height, depth, spacing } = grid;
  if (![width, height, depth].every((n) => Number.isInteger(n) && n >= 1)) {
    throw new EvaluationError("BAD_GRID", `${what}: ${width}×${height}×${depth} is not a grid.`);
  }
  if (spacing !== null && !spacing.every((s) => Number.isFinite(s) && s > 0)) {
    throw new EvaluationError(
      "BAD_GRID",
      `${what}: spacing must be 3 positive mm values, got ${spacing.join(", ")}.`,
    );
  }
  if (labels.length !== width * height * depth) {
    throw new EvaluationError(
      "SIZE_MISMATCH",
      `${what}: ${labels.length} labels do not fill a ${width}×${height}×${depth} grid.`,
    );
  }
}
