import { argmaxLabels } from "./argmax-labels.ts";
import type { FusionResult } from "./fusion-result.ts";
import { softLabelWeighted } from "./soft-label-weighted.ts";

/** Vote where each rater counts with its weight; same tie rule as `majorityVote`. */
export function weightedVote(
  labels: readonly Uint8Array[],
  options: { numClasses: number; weights: ArrayLike<number>; tiePriority?: readonly number[] },
): FusionResult {
  const probabilities = softLabelWeighted(labels, options);
  return {
    numClasses: options.numClasses,
    probabilities,
    labels: argmaxLabels(probabilities, options),
  };
}
