import { FusionError } from "./fusion-error.ts";
import { validateLabelMaps } from "./validate-label-maps.ts";

/** The label maps one slice (or volume) received; `raters[j]` drew `labels[j]`. */
export interface RatedSlice {
  raters: readonly number[];
  labels: readonly Uint8Array[];
}

/**
 * All ratings of a study. Raters are global indices in [0, numRaters); a rater may be absent from
 * any slice, which is how missing ratings are expressed (nothing is imputed for them).
 */
export interface StudyRatings {
  numClasses: number;
  numRaters: number;
  slices: readonly RatedSlice[];
}

/** Returns each slice's voxel count after checking raters, sizes and class ranges. */
export function validateStudyRatings(study: StudyRatings): number[] {
  const { numClasses, numRaters, slices } = study;
  if (!Number.isInteger(numRaters) || numRaters < 1) {
    throw new FusionError("NO_RATERS", `numRaters must be a positive integer, got ${numRaters}`);
  }
  if (slices.length === 0) throw new FusionError("EMPTY_INPUT", "a study needs at least one slice");
  const sizes: number[] = [];
  const seen = new Uint8Array(numRaters);
  for (let s = 0; s < slices.length; s++) {
    const slice = slices[s]!;
    if (slice.raters.length !== slice.labels.length) {
      throw new FusionError(
        "SIZE_MISMATCH",
        `slice ${s} lists ${slice.raters.length} raters for ${slice.labels.length} label maps`,
      );
    }
    for (const r of slice.raters) {
      if (!Number.isInteger(r) || r < 0 || r >= numRaters) {
        throw new FusionError(
          "BAD_OPTION",
          `slice ${s} names rater ${r}, outside [0, ${numRaters})`,
        );
      }
      // A rater counted twice on one slice would double its evidence in every estimate.
      if (seen[r] === 1) throw new FusionError("BAD_OPTION", `slice ${s} lists rater ${r} twice`);
      seen[r] = 1;
    }
    for (const r of slice.raters) seen[r] = 0;
    sizes.push(validateLabelMaps(slice.labels, { numClasses, allowEmpty: true }));
  }
  return sizes;
}
