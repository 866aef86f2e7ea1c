import { dice, hausdorff95 } from "@crowdseg/fusion";
import { EvaluationError } from "./evaluation-error.ts";
import { checkLabelVolume, type VolumeGrid } from "./volume-grid.ts";

export interface ClassScore {
  label: number;
  /** 1 when the class is absent from both volumes. */
  dice: number;
  /** 0 when absent from both, Infinity when absent from exactly one (no finite bound exists). */
  hd95: number;
}

export interface SegmentationScores {
  scores: ClassScore[];
  /** "mm" when the grid has a spacing, else HD95 is in voxel steps. */
  distanceUnit: "mm" | "voxels";
}

export interface SegmentationScoreOptions {
  /** Class labels to score, in the order wanted in the table. */
  labels: readonly number[];
  /** HD95 from 2D surfaces per slice instead of 3D surfaces (thick-slice stacks). Default false. */
  planar?: boolean;
}

/**
 * Per-class Dice and HD95 of a predicted label volume against the reference, with the fusion
 * package's metrics (MedPy/MONAI HD95 convention: the larger of the two directed 95th
 * percentiles of surface distances).
 */
export function segmentationScores(
  predicted: Uint8Array,
  reference: Uint8Array,
  grid: VolumeGrid,
  options: SegmentationScoreOptions,
): SegmentationScores {
  checkLabelVolume("predicted", predicted, grid);
  checkLabelVolume("reference", reference, grid);
  if (options.labels.length === 0) {
    throw new EvaluationError("BAD_OPTION", "segmentationScores: no labels to score.");
  }
  const shape = {
    width: grid.width,
    height: grid.height,
    depth: grid.depth,
    ...(grid.spacing === null ? {} : { spacing: grid.spacing }),
  };
  const planar = options.planar ?? false;
  return {
    scores: options.labels.map((label) => ({
      label,
      dice: dice(predicted, reference, { label }),
      hd95: hausdorff95(predicted, reference, shape, { label, planar }),
    })),
    distanceUnit: grid.spacing === null ? "voxels" : "mm",
  };
}
