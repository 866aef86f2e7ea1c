import { argmaxLabels } from "./argmax-labels.ts";
import type { FusionResult } from "./fusion-result.ts";
import { softLabelRaterMean } from "./soft-label-rater-mean.ts";

/**
 * Plurality vote per voxel. Ties: the class listed first in `tiePriority` wins (default: lowest
 * class index, i.e. background in a binary 1–1 split).
 */
export function majorityVote(
  labels: readonly Uint8Array[],
  options: { numClasses: number; tiePriority?: readonly number[] },
): FusionResult {
  const probabilities = softLabelRaterMean(labels, options);
  return {
    numClasses: options.numClasses,
    probabilities,
    labels: argmaxLabels(probabilities, options),
  };
}
