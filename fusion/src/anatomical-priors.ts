import { argmaxLabels } from "./argmax-labels.ts";
import { ACDC_CLASSES, type CardiacClasses } from "./cardiac-classes.ts";
import { priorBoundarySmoothing } from "./prior-boundary-smoothing.ts";
import { priorBoundaryUncertainty } from "./prior-boundary-uncertainty.ts";
import { priorMyocardiumEnclosesLv } from "./prior-myocardium-encloses-lv.ts";
import { priorRvAdjacentSeptum } from "./prior-rv-adjacent-septum.ts";
import { priorSingleComponent } from "./prior-single-component.ts";
import { priorSliceConsistency } from "./prior-slice-consistency.ts";
import type { VolumeShape } from "./volume-shape.ts";

/** The named prior steps, in the order they run. */
export const PRIOR_STEPS = [
  "sliceConsistency",
  "boundarySmoothing",
  "singleComponent",
  "myocardiumEnclosesLv",
  "rvAdjacentSeptum",
  "boundaryUncertainty",
] as const;

export type PriorStep = (typeof PRIOR_STEPS)[number];

export interface AnatomicalPriorOptions {
  numClasses: number;
  /** Needed by the cardiac steps; defaults to ACDC's 0 bg, 1 RV, 2 myocardium, 3 LV. */
  classes?: CardiacClasses;
  /** The on/off switch of each step; steps not listed are off. */
  enabled: Partial<Record<PriorStep, boolean>>;
  boundarySmoothing?: { sigma?: number };
  singleComponent?: { classes?: readonly number[]; connectivity?: 4 | 8 };
  rvAdjacentSeptum?: { maxGap?: number };
  boundaryUncertainty?: { band?: number; sigma?: number };
}

/**
 * Runs the switched-on priors in a fixed order: stack consistency first (it may restore a
 * structure the others then shape), then edge smoothing (so topology sees clean outlines),
 * topology next, boundary confidence last (it reads the final edges). Returns the reshaped probabilities, their hard label and the steps applied, so
 * a run records exactly what was done.
 */
export function applyAnatomicalPriors(
  probabilities: Float32Array,
  shape: VolumeShape,
  options: AnatomicalPriorOptions,
): { probabilities: Float32Array; labels: Uint8Array; applied: PriorStep[] } {
  const { numClasses } = options;
  const classes = options.classes ?? ACDC_CLASSES;
  let p = probabilities;
  const applied: PriorStep[] = [];
  for (const step of PRIOR_STEPS) {
    if (!options.enabled[step]) continue;
    applied.push(step);
    switch (step) {
      case "sliceConsistency":
        p = priorSliceConsistency(p, shape, { numClasses });
        break;
      case "boundarySmoothing":
        p = priorBoundarySmoothing(p, shape, { numClasses, ...options.boundarySmoothing });
        break;
      case "singleComponent":
        p = priorSingleComponent(p, shape, { numClasses, ...options.singleComponent });
        break;
      case "myocardiumEnclosesLv":
        p = priorMyocardiumEnclosesLv(p, shape, { numClasses, classes });
        break;
      case "rvAdjacentSeptum":
        p = priorRvAdjacentSeptum(p, shape, { numClasses, classes, ...options.rvAdjacentSeptum });
        break;
      case "boundaryUncertainty":
        p = priorBoundaryUncertainty(p, shape, { numClasses, ...options.boundaryUncertainty });
        break;
    }
  }
  return { probabilities: p, labels: argmaxLabels(p, { numClasses }), applied };
}
