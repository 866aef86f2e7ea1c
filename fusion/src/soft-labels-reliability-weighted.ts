import { argmaxLabels } from "./argmax-labels.ts";
import { FusionError } from "./fusion-error.ts";
import type { FusionResult } from "./fusion-result.ts";
import { softLabelRaterMean } from "./soft-label-rater-mean.ts";
import { softLabelWeighted } from "./soft-label-weighted.ts";
import { type StudyRatings, validateStudyRatings } from "./study-ratings.ts";

export interface ReliabilityWeightedSoftLabels {
  slices: FusionResult[];
  /** Slices whose raters all had zero reliability, fused by the plain rater mean instead. */
  fallbackSlices: number[];
}

/**
 * Per-slice soft labels as the reliability-weighted mean of the raters present on each slice,
 * with reliabilities estimated study-wide (see `estimateRaterReliability`). A slice rated only by
 * zero-reliability raters has no trusted opinion; it falls back to the rater mean and is listed,
 * rather than failing the whole study. A slice nobody rated is an error.
 */
export function softLabelsReliabilityWeighted(
  study: StudyRatings,
  options: { reliability: ArrayLike<number>; tiePriority?: readonly number[] },
): ReliabilityWeightedSoftLabels {
  validateStudyRatings(study);
  const { reliability } = options;
  if (reliability.length !== study.numRaters) {
    throw new FusionError(
      "BAD_WEIGHTS",
      `got ${reliability.length} reliabilities for ${study.numRaters} raters`,
    );
  }
  const numClasses = study.numClasses;
  const slices: FusionResult[] = [];
  const fallbackSlices: number[] = [];
  study.slices.forEach((slice, s) => {
    if (slice.labels.length === 0) {
      throw new FusionError("NO_RATERS", `slice ${s} has no ratings to fuse`);
    }
    const weights = slice.raters.map((r) => reliability[r]!);
    const trusted = weights.some((w) => w > 0);
    if (!trusted) fallbackSlices.push(s);
    const probabilities = trusted
      ? softLabelWeighted(slice.labels, { numClasses, weights })
      : softLabelRaterMean(slice.labels, { numClasses });
    slices.push({
      numClasses,
      probabilities,
      labels: argmaxLabels(probabilities, { numClasses, tiePriority: options.tiePriority }),
    });
  });
  return { slices, fallbackSlices };
}
