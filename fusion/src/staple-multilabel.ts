import type { FusionResult } from "./fusion-result.ts";
import type { StapleFit, StapleOptions } from "./staple-em.ts";
import { stapleStudy } from "./staple-study.ts";
import { validateLabelMaps } from "./validate-label-maps.ts";

export interface StapleMultiLabelResult extends FusionResult {
  fit: Omit<StapleFit, "patternPosteriors">;
}

/**
 * Multi-label STAPLE (one confusion matrix per rater) on R label maps of one slice or volume.
 * Unlike ITK's MultiLabelSTAPLEImageFilter it returns the per-class posterior probabilities.
 */
export function stapleMultiLabel(
  labels: readonly Uint8Array[],
  options: StapleOptions & { numClasses: number; tiePriority?: readonly number[] },
): StapleMultiLabelResult {
  validateLabelMaps(labels, options);
  const { fit, slices } = stapleStudy(
    {
      numClasses: options.numClasses,
      numRaters: labels.length,
      slices: [{ raters: labels.map((_, r) => r), labels }],
    },
    options,
  );
  return { ...slices[0]!, fit };
}
