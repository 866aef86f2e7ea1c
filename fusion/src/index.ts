export {
  type AnatomicalPriorOptions,
  applyAnatomicalPriors,
  PRIOR_STEPS,
  type PriorStep,
} from "./anatomical-priors.ts";
export { type ArgmaxOptions, argmaxLabels } from "./argmax-labels.ts";
export { brierScore } from "./brier-score.ts";
export { ACDC_CLASSES, type CardiacClasses } from "./cardiac-classes.ts";
export { connectedComponents2d } from "./connected-components.ts";
export { dice } from "./dice.ts";
export { euclideanDistanceTransform } from "./euclidean-distance-transform.ts";
export { expectedCalibrationError } from "./expected-calibration-error.ts";
export { fleissKappa } from "./fleiss-kappa.ts";
export { FusionError, type FusionErrorCode } from "./fusion-error.ts";
export type { FusionResult } from "./fusion-result.ts";
export { type HausdorffOptions, hausdorff, hausdorff95 } from "./hausdorff.ts";
export { iou } from "./iou.ts";
export { FusionJobError } from "./job/fusion-job-error.ts";
export { type FusionJobContext, runFusionJob } from "./job/run-fusion-job.ts";
export { majorityVote } from "./majority-vote.ts";
export { meanSurfaceDistance } from "./mean-surface-distance.ts";
export { pairwiseRaterDice } from "./pairwise-rater-dice.ts";
export {
  type BoundaryUncertaintyOptions,
  priorBoundaryUncertainty,
} from "./prior-boundary-uncertainty.ts";
export {
  type MyocardiumEnclosesLvOptions,
  priorMyocardiumEnclosesLv,
} from "./prior-myocardium-encloses-lv.ts";
export { priorRvAdjacentSeptum, type RvAdjacentSeptumOptions } from "./prior-rv-adjacent-septum.ts";
export { priorSingleComponent, type SingleComponentOptions } from "./prior-single-component.ts";
export { priorSliceConsistency } from "./prior-slice-consistency.ts";
export {
  estimateRaterReliability,
  type RaterReliability,
  type RaterReliabilityOptions,
  type ReliabilitySource,
} from "./rater-reliability.ts";
export { softLabelRaterMean } from "./soft-label-rater-mean.ts";
export { softLabelWeighted } from "./soft-label-weighted.ts";
export {
  type ReliabilityWeightedSoftLabels,
  softLabelsReliabilityWeighted,
} from "./soft-labels-reliability-weighted.ts";
export { type StapleBinaryResult, stapleBinary } from "./staple-binary.ts";
export { STAPLE_DEFAULTS, type StapleFit, type StapleOptions } from "./staple-em.ts";
export { type StapleMultiLabelResult, stapleMultiLabel } from "./staple-multilabel.ts";
export { type StapleStudyResult, stapleStudy } from "./staple-study.ts";
export {
  FUSION_METHODS,
  type FusedStudy,
  type FuseStudyOptions,
  type FusionMethod,
  fuseStudy,
  type RaterEstimate,
  type StudySlice,
  type StudyToFuse,
} from "./study/fuse-study.ts";
export type { FusionMetrics } from "./study/score-against-reference.ts";
export type { RatedSlice, StudyRatings } from "./study-ratings.ts";
export { surfaceDistances } from "./surface-distances.ts";
export type { VolumeShape } from "./volume-shape.ts";
export { weightedVote } from "./weighted-vote.ts";
