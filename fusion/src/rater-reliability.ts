import { FusionError } from "./fusion-error.ts";
import type { StapleOptions } from "./staple-em.ts";
import { stapleStudy } from "./staple-study.ts";
import { type StudyRatings, validateStudyRatings } from "./study-ratings.ts";

export type ReliabilitySource = "gold" | "staple" | "gold+staple" | "none";

export interface RaterReliability {
  /** Per rater, C×C `[observed * C + truth]` = P(says observed | truth). */
  confusion: Float64Array[];
  /**
   * Per rater, chance-corrected balanced accuracy in [0, 1]:
   * (mean over supported true classes of P(says t | t) − 1/C) / (1 − 1/C), clipped at 0.
   * For two classes this is Youden's J = sensitivity + specificity − 1. A rater who answers
   * independently of the image scores 0 whatever labels it favours, so it gets no weight.
   */
  reliability: Float64Array;
  source: ReliabilitySource[];
  /** Reference voxels each rater was scored on. */
  goldVoxels: Float64Array;
}

export interface RaterReliabilityOptions {
  /** Per slice, the expert reference where the slice is a gold slice; undefined elsewhere. */
  reference?: readonly (Uint8Array | undefined)[];
  /** Fewer gold voxels of a true class than this and that class's column comes from STAPLE. */
  minGoldVoxels?: number;
  staple?: StapleOptions;
}

/**
 * Each rater's confusion matrix, pooled over every slice of the study that rater labeled:
 * counted against the reference on gold slices where there are enough of them, estimated by
 * STAPLE over all slices otherwise (per true class, so sparse gold fills in from STAPLE).
 */
export function estimateRaterReliability(
  study: StudyRatings,
  options: RaterReliabilityOptions = {},
): RaterReliability {
  const sizes = validateStudyRatings(study);
  const c = study.numClasses;
  const cc = c * c;
  const numRaters = study.numRaters;
  const minGold = options.minGoldVoxels ?? 1;
  const reference = options.reference ?? [];
  if (reference.length > study.slices.length) {
    throw new FusionError("SIZE_MISMATCH", "more references than slices");
  }
  const counts = new Float64Array(numRaters * cc);
  const totals = new Float64Array(numRaters * c);
  for (let s = 0; s < reference.length; s++) {
    const ref = reference[s];
    if (ref === undefined) continue;
    if (ref.length !== sizes[s]) {
      throw new FusionError("SIZE_MISMATCH", `reference of slice ${s} has ${ref.length} voxels`);
    }
    const slice = study.slices[s]!;
    slice.raters.forEach((r, j) => {
      const map = slice.labels[j]!;
      for (let i = 0; i < map.length; i++) {
        const t = ref[i]!;
        if (t >= c) {
          throw new FusionError("LABEL_OUT_OF_RANGE", `reference of slice ${s} has class ${t}`);
        }
        counts[r * cc + map[i]! * c + t]!++;
        totals[r * c + t]!++;
      }
    });
  }

  const goldVoxels = new Float64Array(numRaters);
  let needStaple = false;
  for (let r = 0; r < numRaters; r++) {
    for (let t = 0; t < c; t++) {
      goldVoxels[r] = goldVoxels[r]! + totals[r * c + t]!;
      if (totals[r * c + t]! < minGold) needStaple = true;
    }
  }
  const staple = needStaple ? stapleStudy(study, options.staple).fit : undefined;

  const confusion: Float64Array[] = [];
  const reliability = new Float64Array(numRaters);
  const source: ReliabilitySource[] = [];
  for (let r = 0; r < numRaters; r++) {
    const m = new Float64Array(cc);
    let fromGold = 0;
    let fromStaple = 0;
    let diagonal = 0;
    let supported = 0;
    for (let t = 0; t < c; t++) {
      const total = totals[r * c + t]!;
      if (total >= minGold && total > 0) {
        for (let s = 0; s < c; s++) m[s * c + t] = counts[r * cc + s * c + t]! / total;
        fromGold++;
      } else if (staple !== undefined && staple.ratedVoxels[r]! > 0) {
        for (let s = 0; s < c; s++) m[s * c + t] = staple.confusion[r]![s * c + t]!;
        // A class STAPLE itself saw no mass for is unsupported; its column is only the EM start.
        if (staple.classMass[t]! <= 0) continue;
        fromStaple++;
      } else {
        continue;
      }
      diagonal += m[t * c + t]!;
      supported++;
    }
    confusion.push(m);
    source.push(
      fromGold > 0 && fromStaple > 0
        ? "gold+staple"
        : fromGold > 0
          ? "gold"
          : fromStaple > 0
            ? "staple"
            : "none",
    );
    reliability[r] =
      supported === 0 ? 0 : Math.max(0, (diagonal / supported - 1 / c) / (1 - 1 / c));
  }
  return { confusion, reliability, source, goldVoxels };
}
