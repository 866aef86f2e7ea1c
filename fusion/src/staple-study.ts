import { argmaxLabels } from "./argmax-labels.ts";
import type { FusionResult } from "./fusion-result.ts";
import { buildRatingPatterns } from "./rating-patterns.ts";
import { fitStaple, type StapleFit, type StapleOptions } from "./staple-em.ts";
import { type StudyRatings, validateStudyRatings } from "./study-ratings.ts";

export interface StapleStudyResult {
  fit: Omit<StapleFit, "patternPosteriors">;
  /** Per slice: posterior class probabilities (C×N) and their argmax. */
  slices: FusionResult[];
}

/**
 * Multi-label STAPLE over every slice of a study at once, so each rater's confusion matrix is
 * estimated from all the voxels that rater labeled. Raters absent from a slice contribute
 * nothing there (the likelihood only multiplies over the raters present). A slice nobody rated
 * gets the class prior.
 */
export function stapleStudy(
  study: StudyRatings,
  options: StapleOptions & { tiePriority?: readonly number[] } = {},
): StapleStudyResult {
  const sizes = validateStudyRatings(study);
  const c = study.numClasses;
  const patterns = buildRatingPatterns(study, sizes);
  const { patternPosteriors, ...fit } = fitStaple(patterns.groups, study, options);
  const slices: FusionResult[] = [];
  for (let s = 0; s < sizes.length; s++) {
    const n = sizes[s]!;
    const probabilities = new Float32Array(c * n);
    const g = patterns.sliceGroup[s]!;
    if (g < 0) {
      for (let t = 0; t < c; t++) probabilities.fill(fit.prior[t]!, t * n, (t + 1) * n);
    } else {
      const post = patternPosteriors[g]!;
      const vp = patterns.voxelPattern[s]!;
      for (let t = 0; t < c; t++) {
        const plane = t * n;
        for (let i = 0; i < n; i++) probabilities[plane + i] = post[vp[i]! * c + t]!;
      }
    }
    slices.push({
      numClasses: c,
      probabilities,
      labels: argmaxLabels(probabilities, { numClasses: c, tiePriority: options.tiePriority }),
    });
  }
  return { fit, slices };
}
