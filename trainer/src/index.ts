export {
  type BackendChoice,
  type BackendSelection,
  DEFAULT_BACKEND_ORDER,
  type SelectBackendOptions,
  selectBackend,
} from "./backend/select-backend.ts";
export {
  type LoadTrainingSetOptions,
  loadTrainingSet,
  type TrainingSet,
  type TrainingVolume,
} from "./dataset/load-training-set.ts";
export {
  type PatientSplit,
  type SplitOptions,
  splitByPatient,
} from "./dataset/split-by-patient.ts";
export {
  type BlandAltman,
  type BlandAltmanOptions,
  type BlandAltmanPoint,
  blandAltman,
} from "./evaluation/bland-altman.ts";
export {
  type ClinicalIndexOptions,
  type ClinicalIndices,
  clinicalIndices,
} from "./evaluation/clinical-indices.ts";
export {
  type CardiacPhaseName,
  type CardiacStructure,
  type ClinicalIndexName,
  type EvaluateVolumesOptions,
  evaluateVolumes,
  type IndexAgreement,
  type PatientIndices,
  type VolumeEvaluation,
  type VolumePair,
  type VolumeScores,
} from "./evaluation/evaluate-volumes.ts";
export { EvaluationError, type EvaluationErrorCode } from "./evaluation/evaluation-error.ts";
export {
  type ClassScore,
  type SegmentationScoreOptions,
  type SegmentationScores,
  segmentationScores,
} from "./evaluation/segmentation-scores.ts";
export type { LabelVolume, Spacing, VolumeGrid } from "./evaluation/volume-grid.ts";
export {
  type GridReport,
  type GridReportOptions,
  type GridRow,
  gridReport,
} from "./experiments/grid-report.ts";
export {
  type GridCell,
  type GridLoss,
  type GridOptions,
  type GridResult,
  runGrid,
} from "./experiments/run-grid.ts";
export {
  checkpointKeyOf,
  runTrainingJob,
  type TrainingJobContext,
  type TrainingJobOptions,
} from "./job/run-training-job.ts";
export { TrainingJobError } from "./job/training-job-error.ts";
export {
  registerWasmGradientKernels,
  wasmGradientKernelConfigs,
} from "./kernels/register-wasm-gradient-kernels.ts";
export { type CrossEntropyOptions, crossEntropyLoss } from "./losses/cross-entropy.ts";
export { type CrossEntropyDiceOptions, crossEntropyDiceLoss } from "./losses/cross-entropy-dice.ts";
export {
  type GeneralizedCrossEntropyOptions,
  generalizedCrossEntropyLoss,
} from "./losses/generalized-cross-entropy.ts";
export type { LossFunction } from "./losses/loss-function.ts";
export { type NceRceOptions, nceRceLoss } from "./losses/nce-rce.ts";
export { type NflMaeOptions, nflMaeLoss } from "./losses/nfl-mae.ts";
export { type SoftDiceOptions, softDiceLoss } from "./losses/soft-dice.ts";
export { type AttentionUNetOptions, createAttentionUNet } from "./models/attention-unet.ts";
export {
  ARCHITECTURES,
  type Architecture,
  createModel,
  isArchitecture,
  type ModelSpec,
} from "./models/create-model.ts";
export { createENet, type ENetOptions } from "./models/enet.ts";
export { createUNet, type UNetOptions } from "./models/unet.ts";
export { maxUnpool } from "./ops/max-unpool.ts";
export { spatialDropout2d } from "./ops/spatial-dropout.ts";
export {
  type DataParallelOptions,
  DataParallelTrainer,
  type HostTensor,
} from "./parallel/data-parallel-trainer.ts";
export { type ModelReplicaOptions, modelReplica } from "./parallel/model-replica.ts";
export type { Replica, ReplicaFactory, ReplicaSpec, StepContext } from "./parallel/replica.ts";
export {
  type RemoteSteps,
  type TrainOptions,
  type TrainProgress,
  type TrainResult,
  train,
} from "./training/train.ts";
