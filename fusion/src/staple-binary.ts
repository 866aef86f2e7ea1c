import type { StapleOptions } from "./staple-em.ts";
import { type StapleMultiLabelResult, stapleMultiLabel } from "./staple-multilabel.ts";

export interface StapleBinaryResult extends StapleMultiLabelResult {
  /** P(rater says 1 | truth 1), per rater. */
  sensitivity: Float64Array;
  /** P(rater says 0 | truth 0), per rater. */
  specificity: Float64Array;
}

/**
 * Binary STAPLE (Warfield et al. 2004) on 0/1 masks: the two-class case of the multi-label EM,
 * reporting each rater's sensitivity and specificity. `probabilities` is 2×N, plane 1 being
 * the posterior probability of foreground.
 */
export function stapleBinary(
  masks: readonly Uint8Array[],
  options: StapleOptions & { tiePriority?: readonly number[] } = {},
): StapleBinaryResult {
  const result = stapleMultiLabel(masks, { ...options, numClasses: 2 });
  const r = masks.length;
  const sensitivity = new Float64Array(r);
  const specificity = new Float64Array(r);
  for (let i = 0; i < r; i++) {
    const m = result.fit.confusion[i]!;
    // Layout [observed * 2 + truth]: index 3 = (1 | 1), index 0 = (0 | 0).
    sensitivity[i] = m[3]!;
    specificity[i] = m[0]!;
  }
  return { ...result, sensitivity, specificity };
}
