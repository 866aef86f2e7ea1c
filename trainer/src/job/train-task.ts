import type { RunProgress } from "@crowdseg/db";
import { type BackendChoice, selectBackend } from "../backend/select-backend.ts";
import { type Architecture, createModel } from "../models/create-model.ts";
import { initializeWeights } from "../models/initialize-weights.ts";
import { DataParallelTrainer } from "../parallel/data-parallel-trainer.ts";
import type { ModelReplicaOptions } from "../parallel/model-replica.ts";
import {
  decodeCheckpoint,
  type EpochRecord,
  encodeCheckpoint,
  type TrainingCheckpoint,
} from "../training/checkpoint-codec.ts";
import { createLoss, type LossName } from "../training/create-loss.ts";
import { predictVolume } from "../training/predict-volume.ts";
import type { SampleSet } from "../training/sample-set.ts";
import { train } from "../training/train.ts";
import { evaluateTestSet, type TestSetEvaluation, type TestVolume } from "./evaluate-test-set.ts";
import type { TrainingHyperparameters } from "./training-hyperparameters.ts";
import { trainingWorkers } from "./training-workers.ts";

/** A held-out volume as the thread gets it: network inputs and the expert reference. */
export interface TestVolumeInput {
  volumeId: number;
  patientId: string;
  phase: string | null;
  width: number;
  height: number;
  depth: number;
  spacing: [number, number, number] | null;
  /** depth × size × size network inputs. */
  images: Float32Array;
  reference: Uint8Array;
}

export interface TrainTaskInput {
  architecture: Architecture;
  loss: LossName;
  hyperparameters: TrainingHyperparameters;
  classes: number;
  train: SampleSet;
  validation: SampleSet | null;
  test: TestVolumeInput[];
  /** A checkpoint of an earlier attempt of this run. */
  resumeFrom: Uint8Array | null;
  /** Backends to try, fastest first. */
  backends: BackendChoice[];
}

/** What the thread emits for the calling thread to persist (it has no database). */
export type TrainTaskEvent =
  | { type: "backend"; backend: BackendChoice; skipped: { name: BackendChoice; reason: string }[] }
  | { type: "checkpoint"; epoch: number; bytes: Uint8Array };

export interface TrainTaskOutput {
  backend: BackendChoice;
  /** Worker threads that trained data-parallel (1: this thread alone). */
  workers: number;
  /** The epoch a checkpoint let this attempt start after, or null for a fresh start. */
  resumedFromEpoch: number | null;
  /** Why an earlier attempt's checkpoint was not used, if there was one. */
  checkpointIgnored: string | null;
  epochsCompleted: number;
  stoppedEarly: boolean;
  bestEpoch: number;
  bestValidationDice: number | null;
  history: EpochRecord[];
  /** Null when no test volume has an expert reference. */
  evaluation: TestSetEvaluation | null;
  trainingMs: number;
}

/** Training takes this share of the run's progress bar; loading before and testing after share the rest. */
const TRAINING_START = 0.1;
const TRAINING_SHARE = 0.8;

/**
 * The worker-thread half of a training run, `trainTask(input, report, emit)`: picks the fastest
 * backend that loads, builds the network from a seed, trains (resuming from the given checkpoint
 * when it was written under the same settings), emits the backend and a checkpoint per epoch,
 * then labels the held-out volumes and scores them against the expert reference.
 */
export async function trainTask(
  input: TrainTaskInput,
  report: (progress: RunProgress) => void,
  emit: (event: TrainTaskEvent) => void,
): Promise<TrainTaskOutput> {
  const selection = await selectBackend({ candidates: input.backends });
  emit({ type: "backend", backend: selection.name, skipped: selection.skipped });
  const h = input.hyperparameters;
  const config = {
    architecture: input.architecture,
    loss: input.loss,
    lossOptions: h.lossOptions,
    warmupEpochs: h.warmupEpochs,
    imageSize: h.imageSize,
    batchSize: h.batchSize,
    learningRate: h.learningRate,
    baseFilters: h.baseFilters,
    depth: h.depth,
    seed: h.seed,
    augment: h.augment,
    classes: input.classes,
    trainSlices: input.train.count,
    validationSlices: input.validation?.count ?? 0,
  };
  let resumeFrom: TrainingCheckpoint | null = null;
  let checkpointIgnored: string | null = null;
  if (input.resumeFrom !== null) {
    try {
      const checkpoint = decodeCheckpoint(input.resumeFrom);
      if (JSON.stringify(checkpoint.config) === JSON.stringify(config)) resumeFrom = checkpoint;
      else checkpointIgnored = "it was written under other settings or data";
    } catch (error) {
      checkpointIgnored = error instanceof Error ? error.message : String(error);
    }
  }

  const spec = {
    architecture: input.architecture,
    classes: input.classes,
    baseFilters: h.baseFilters,
    depth: h.depth,
    imageSize: h.imageSize,
  };
  const workers = trainingWorkers(selection.name, input.architecture, h.batchSize);
  const replica: ModelReplicaOptions = {
    model: spec,
    loss: input.loss,
    lossOptions: h.lossOptions,
    learningRate: h.learningRate,
  };
  const model = createModel(spec);
  let remote: DataParallelTrainer | null = null;
  const on = workers > 1 ? `${selection.name}, ${workers} threads` : selection.name;
  try {
    remote =
      workers > 1
        ? await DataParallelTrainer.start({
            workers,
            replica: {
              module: new URL("../parallel/model-replica.ts", import.meta.url).href,
              exportName: "modelReplica",
              options: replica,
            },
            backends: [selection.name],
          })
        : null;
    // Weights and batches draw from different streams of one seed.
    initializeWeights(model, (h.seed ^ 0x5eed5eed) >>> 0);
    report({
      fraction: TRAINING_START,
      message: resumeFrom
        ? `resuming after epoch ${resumeFrom.epoch} on ${on}`
        : `training on ${on}`,
    });
    const started = performance.now();
    const result = await train(model, input.train, input.validation, {
      loss: createLoss(input.loss, h.lossOptions),
      warmup: h.warmupEpochs > 0 ? { epochs: h.warmupEpochs, loss: createLoss("ce") } : null,
      remote,
      epochs: h.epochs,
      batchSize: h.batchSize,
      learningRate: h.learningRate,
      seed: h.seed,
      augment: h.augment,
      patience: h.patience,
      resumeFrom,
      config,
      onProgress: (p) =>
        report({
          fraction: TRAINING_START + TRAINING_SHARE * p.fraction,
          message: p.endOfEpoch
            ? `epoch ${p.epoch} of ${p.epochs} done`
            : `epoch ${p.epoch} of ${p.epochs}`,
          epoch: p.epoch,
          step: p.step,
          loss: p.loss,
          ...(p.validationDice === undefined ? {} : { validationDice: p.validationDice }),
        }),
      onCheckpoint: (checkpoint) =>
        emit({ type: "checkpoint", epoch: checkpoint.epoch, bytes: encodeCheckpoint(checkpoint) }),
    });
    const trainingMs = performance.now() - started;

    report({ fraction: TRAINING_START + TRAINING_SHARE, message: "testing on held-out volumes" });
    const predicted: TestVolume[] = [];
    for (const v of input.test) {
      predicted.push({
        ...v,
        predicted: await predictVolume(model, v, {
          size: h.imageSize,
          classes: input.classes,
          batchSize: h.batchSize,
        }),
      });
    }
    const evaluation =
      input.test.length === 0 ? null : evaluateTestSet(predicted, { classes: input.classes });
    return {
      backend: selection.name,
      workers,
      resumedFromEpoch: resumeFrom?.epoch ?? null,
      checkpointIgnored,
      epochsCompleted: result.epochsCompleted,
      stoppedEarly: result.stoppedEarly,
      bestEpoch: result.bestEpoch,
      bestValidationDice: result.bestValidationDice,
      history: result.history,
      evaluation,
      trainingMs,
    };
  } finally {
    model.dispose();
    await remote?.close();
  }
}
