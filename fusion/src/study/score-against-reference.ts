import { brierScore } from "../brier-score.ts";
import { expectedCalibrationError } from "../expected-calibration-error.ts";
import type { FusionResult } from "../fusion-result.ts";
import { majorityVote } from "../majority-vote.ts";
import type { StudyToFuse } from "./fuse-study.ts";

export interface FusionMetrics {
  referenceSlices: number;
  /** per class, pooled over every referenced voxel of the study */
  dicePerClass: number[];
  /** mean over the foreground classes (1..C-1) */
  meanDice: number;
  /** the same for plain majority vote, the baseline a fusion method has to beat */
  majorityVoteMeanDice: number;
  brier: number;
  expectedCalibrationError: number;
}

/** Scores fused slices against the reference where one exists (gold or not). */
export function scoreAgainstReference(
  study: StudyToFuse,
  fused: FusionResult[],
): FusionMetrics | null {
  const c = study.numClasses;
  const both = new Float64Array(c);
  const sums = new Float64Array(c);
  const baselineBoth = new Float64Array(c);
  const baselineSums = new Float64Array(c);
  const scored = study.slices.flatMap((slice, s) => (slice.reference ? [s] : []));
  if (scored.length === 0) return null;
  // calibration is pooled over all referenced voxels, so slices are concatenated class-major
  const voxels = scored.reduce((n, s) => n + study.slices[s]!.reference!.length, 0);
  const pooledProbabilities = new Float32Array(c * voxels);
  const pooledReference = new Uint8Array(voxels);
  let offset = 0;
  for (const s of scored) {
    const slice = study.slices[s]!;
    const reference = slice.reference!;
    const result = fused[s]!;
    const baseline = majorityVote(slice.labels, { numClasses: c }).labels;
    for (let i = 0; i < reference.length; i++) {
      const truth = reference[i]!;
      const label = result.labels[i]!;
      sums[truth]!++;
      sums[label]!++;
      if (truth === label) both[truth]!++;
      baselineSums[truth]!++;
      baselineSums[baseline[i]!]!++;
      if (truth === baseline[i]) baselineBoth[truth]!++;
    }
    const n = reference.length;
    for (let k = 0; k < c; k++) {
      pooledProbabilities.set(
        result.probabilities.subarray(k * n, (k + 1) * n),
        k * voxels + offset,
      );
    }
    pooledReference.set(reference, offset);
    offset += n;
  }
  const diceOf = (b: Float64Array, s: Float64Array) =>
    Array.from({ length: c }, (_, k) => (s[k] === 0 ? 1 : (2 * b[k]!) / s[k]!));
  const foregroundMean = (values: number[]) =>
    c > 1 ? values.slice(1).reduce((a, b) => a + b, 0) / (c - 1) : values[0]!;
  const dicePerClass = diceOf(both, sums);
  return {
    referenceSlices: scored.length,
    dicePerClass,
    meanDice: foregroundMean(dicePerClass),
    majorityVoteMeanDice: foregroundMean(diceOf(baselineBoth, baselineSums)),
    brier: brierScore(pooledProbabilities, pooledReference, { numClasses: c }),
    expectedCalibrationError: expectedCalibrationError(pooledProbabilities, pooledReference, {
      numClasses: c,
    }),
  };
}
