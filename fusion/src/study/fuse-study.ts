import { applyAnatomicalPriors, type PriorStep } from "../anatomical-priors.ts";
import { argmaxLabels } from "../argmax-labels.ts";
import { FusionError } from "../fusion-error.ts";
import type { FusionResult } from "../fusion-result.ts";
import { majorityVote } from "../majority-vote.ts";
import { estimateRaterReliability } from "../rater-reliability.ts";
import { softLabelRaterMean } from "../soft-label-rater-mean.ts";
import { softLabelsReliabilityWeighted } from "../soft-labels-reliability-weighted.ts";
import type { StapleOptions } from "../staple-em.ts";
import { stapleStudy } from "../staple-study.ts";
import type { StudyRatings } from "../study-ratings.ts";
import { type FusionMetrics, scoreAgainstReference } from "./score-against-reference.ts";

export const FUSION_METHODS = [
  "majority-vote",
  "rater-mean",
  "staple",
  "reliability-weighted",
] as const;

export type FusionMethod = (typeof FUSION_METHODS)[number];

/** One rated slice of a study, with where it sits, so priors can see its neighbours. */
export interface StudySlice {
  volume: number;
  index: number;
  width: number;
  height: number;
  raters: number[];
  labels: Uint8Array[];
  /** the expert reference, where one exists */
  reference?: Uint8Array | undefined;
  /** a gold slice: its reference may be used to score raters */
  gold?: boolean;
}

export interface StudyToFuse {
  numClasses: number;
  numRaters: number;
  slices: StudySlice[];
}

export interface FuseStudyOptions {
  method: FusionMethod;
  priors?: readonly PriorStep[];
  staple?: StapleOptions;
  /** called with a fraction in 0..1 as the work goes on */
  onProgress?: (fraction: number, message: string) => void;
}

export interface RaterEstimate {
  /** C×C, `[observed * C + truth]` = P(rater says observed | truth) */
  confusion: number[];
  /** chance-corrected balanced accuracy, 0 for a rater no better than chance */
  reliability: number;
  source: string;
}

export interface FusedStudy {
  /** aligned with the input slices */
  slices: FusionResult[];
  raters: RaterEstimate[];
  priorsApplied: PriorStep[];
  /** against the reference on the slices that have one; null when none has */
  metrics: FusionMetrics | null;
}

/**
 * A study's rating in, soft labels out: the chosen method over all slices (study-wide for STAPLE
 * and reliability), then the switched-on priors per volume stack, then scores against the
 * reference. Rater reliability is always estimated (gold slices first, STAPLE for the rest) so a
 * run reports it whatever the method.
 */
export function fuseStudy(study: StudyToFuse, options: FuseStudyOptions): FusedStudy {
  const { numClasses } = study;
  const report = options.onProgress ?? (() => {});
  if (!FUSION_METHODS.includes(options.method)) {
    throw new FusionError(
      "BAD_OPTION",
      `unknown fusion method "${options.method}"; use ${FUSION_METHODS.join(", ")}`,
    );
  }
  const ratings: StudyRatings = {
    numClasses,
    numRaters: study.numRaters,
    slices: study.slices.map((slice) => ({ raters: slice.raters, labels: slice.labels })),
  };
  report(0.05, "estimating rater reliability");
  const reliability = estimateRaterReliability(ratings, {
    reference: study.slices.map((slice) => (slice.gold ? slice.reference : undefined)),
    staple: options.staple,
  });
  report(0.4, `fusing ${study.slices.length} slices (${options.method})`);
  let fused: FusionResult[];
  switch (options.method) {
    case "majority-vote":
      fused = study.slices.map((slice) => majorityVote(slice.labels, { numClasses }));
      break;
    case "rater-mean":
      fused = study.slices.map((slice) => {
        const probabilities = softLabelRaterMean(slice.labels, { numClasses });
        return { numClasses, probabilities, labels: argmaxLabels(probabilities, { numClasses }) };
      });
      break;
    case "staple":
      fused = stapleStudy(ratings, options.staple).slices;
      break;
    case "reliability-weighted":
      fused = softLabelsReliabilityWeighted(ratings, {
        reliability: reliability.reliability,
      }).slices;
      break;
  }

  const priors = options.priors ?? [];
  let priorsApplied: PriorStep[] = [];
  if (priors.length > 0) {
    report(0.7, `applying priors: ${priors.join(", ")}`);
    priorsApplied = applyPriorsPerVolume(study, fused, priors);
  }
  report(0.9, "scoring against the reference");
  const raters = Array.from({ length: study.numRaters }, (_, r) => ({
    confusion: Array.from(reliability.confusion[r]!),
    reliability: reliability.reliability[r]!,
    source: reliability.source[r]!,
  }));
  return { slices: fused, raters, priorsApplied, metrics: scoreAgainstReference(study, fused) };
}

/**
 * Priors see a volume as the stack of its rated slices in index order (unrated slices are
 * skipped over), so slice consistency compares a slice with its rated neighbours.
 */
function applyPriorsPerVolume(
  study: StudyToFuse,
  fused: FusionResult[],
  priors: readonly PriorStep[],
): PriorStep[] {
  const { numClasses } = study;
  const stacks = new Map<number, number[]>();
  study.slices.forEach((slice, s) => {
    const stack = stacks.get(slice.volume) ?? [];
    stack.push(s);
    stacks.set(slice.volume, stack);
  });
  let applied: PriorStep[] = [];
  for (const members of stacks.values()) {
    members.sort((a, b) => study.slices[a]!.index - study.slices[b]!.index);
    const { width, height } = study.slices[members[0]!]!;
    if (
      members.some((s) => study.slices[s]!.width !== width || study.slices[s]!.height !== height)
    ) {
      throw new FusionError("SIZE_MISMATCH", "slices of one volume differ in size");
    }
    const n = width * height;
    const depth = members.length;
    // applyAnatomicalPriors takes class-major volumes: [class][slice][pixel]
    const volume = new Float32Array(numClasses * depth * n);
    members.forEach((s, z) => {
      const p = fused[s]!.probabilities;
      for (let c = 0; c < numClasses; c++)
        volume.set(p.subarray(c * n, (c + 1) * n), (c * depth + z) * n);
    });
    const result = applyAnatomicalPriors(
      volume,
      { width, height, depth },
      {
        numClasses,
        enabled: Object.fromEntries(priors.map((step) => [step, true])),
      },
    );
    applied = result.applied;
    members.forEach((s, z) => {
      const probabilities = new Float32Array(numClasses * n);
      for (let c = 0; c < numClasses; c++) {
        probabilities.set(
          result.probabilities.subarray((c * depth + z) * n, (c * depth + z + 1) * n),
          c * n,
        );
      }
      fused[s] = { numClasses, probabilities, labels: result.labels.slice(z * n, (z + 1) * n) };
    });
  }
  return applied;
}
