import { evaluations, type RunProgress, type Storage, studies, trainingRuns } from "@crowdseg/db";
import { eq } from "drizzle-orm";
import {
  BACKEND_CHOICES,
  type BackendChoice,
  DEFAULT_BACKEND_ORDER,
  isBackendChoice,
} from "../backend/select-backend.ts";
import { loadTrainingSet, type TrainingVolume } from "../dataset/load-training-set.ts";
import { splitByPatient } from "../dataset/split-by-patient.ts";
import { TrainingDataError } from "../dataset/training-data-error.ts";
import { isArchitecture } from "../models/create-model.ts";
import { isLossName, LOSS_NAMES } from "../training/create-loss.ts";
import { packSamples, type SampleSet } from "../training/sample-set.ts";
import type {
  TestVolumeInput,
  TrainTaskEvent,
  TrainTaskInput,
  TrainTaskOutput,
} from "./train-task.ts";
import { trainingBackends } from "./training-backends.ts";
import { parseHyperparameters } from "./training-hyperparameters.ts";
import { TrainingJobError } from "./training-job-error.ts";

/** What the training job needs from the job runner (the API's JobContext fits it). */
export interface TrainingJobContext {
  storage: Storage;
  runId: number;
  reportProgress(progress: RunProgress): void;
  runInThread<Output>(
    task: { module: string; exportName: string; input: unknown },
    options?: { onEvent?: (event: unknown) => void },
  ): Promise<Output>;
}

export interface TrainingJobOptions {
  /**
   * Backends to try, fastest first. Default: the CROWDSEG_BACKEND environment variable's one
   * backend when set (as bench:train reads it), else DEFAULT_BACKEND_ORDER.
   */
  backends?: readonly BackendChoice[];
}

/** Where a run's checkpoint lives in the blob store. */
export function checkpointKeyOf(runId: number): string {
  return `checkpoints/training-run-${runId}.bin`;
}

/**
 * The training-run job: reads the run and its study's slices and labels (from the run's label
 * source) on the calling thread, splits the patients, trains on a worker thread, stores each
 * epoch's checkpoint in the blob store under the run (and on a retry resumes from it), records
 * the backend used, stores per-volume evaluation rows against the expert reference of the
 * held-out patients, and returns the run's metrics.
 */
export async function runTrainingJob(
  context: TrainingJobContext,
  options: TrainingJobOptions = {},
): Promise<Record<string, unknown>> {
  const { storage, runId } = context;
  const { db } = storage;
  const [run] = await db.select().from(trainingRuns).where(eq(trainingRuns.id, runId));
  if (!run) throw new TrainingJobError(`training run ${runId} does not exist.`);
  if (!isArchitecture(run.architecture)) {
    throw new TrainingJobError(
      `unknown architecture "${run.architecture}"; use unet, attention-unet or enet.`,
    );
  }
  if (!isLossName(run.loss)) {
    throw new TrainingJobError(`unknown loss "${run.loss}"; use ${LOSS_NAMES.join(", ")}.`);
  }
  const architecture = run.architecture;
  const loss = run.loss;
  const hyperparameters = parseHyperparameters(run.hyperparameters, architecture, loss);
  const [study] = await db.select().from(studies).where(eq(studies.id, run.studyId));
  if (!study) throw new TrainingJobError(`study ${run.studyId} does not exist.`);

  context.reportProgress({ fraction: 0.01, message: "loading slices and labels" });
  const set = await loadTrainingSet(storage, {
    studyId: run.studyId,
    labelSource: run.labelSource,
    imageSize: hyperparameters.imageSize,
    onProgress: (fraction, message) =>
      context.reportProgress({ fraction: 0.01 + 0.08 * fraction, message }),
  });
  let split: ReturnType<typeof splitByPatient>;
  try {
    split = splitByPatient(
      set.volumes.map((v) => v.patientId),
      { ...hyperparameters.split, seed: hyperparameters.seed },
    );
  } catch (error) {
    throw new TrainingDataError(error instanceof Error ? error.message : String(error));
  }
  const inPart = (part: string[]) => {
    const ids = new Set(part);
    return set.volumes.filter((v) => ids.has(v.patientId));
  };
  const trainSet = samplesOf(inPart(split.train), set.imageSize, set.classes);
  if (trainSet.count === 0) {
    throw new TrainingDataError(
      `the label source has no labels on the ${split.train.length} training patients ` +
        `(${split.train.join(", ")}): nothing to train on.`,
    );
  }
  const validationSet = samplesOf(inPart(split.validation), set.imageSize, set.classes);
  const test = inPart(split.test)
    .filter((v): v is TrainingVolume & { reference: Uint8Array } => v.reference !== null)
    .map(
      (v): TestVolumeInput => ({
        volumeId: v.volumeId,
        patientId: v.patientId,
        phase: v.phase,
        width: v.width,
        height: v.height,
        depth: v.depth,
        spacing: v.spacing,
        images: v.images,
        reference: v.reference,
      }),
    );

  const checkpointKey = checkpointKeyOf(run.id);
  const resumeFrom =
    run.checkpointKey !== null && (await storage.blobs.has(run.checkpointKey))
      ? await storage.blobs.get(run.checkpointKey)
      : null;
  const input: TrainTaskInput = {
    architecture,
    loss,
    hyperparameters,
    classes: set.classes,
    train: trainSet,
    validation: validationSet.count > 0 ? validationSet : null,
    test,
    resumeFrom,
    backends: trainingBackends(architecture, options.backends ?? defaultBackends()),
  };

  // Events arrive synchronously, in order; their writes are chained so they land in that order
  // and the job waits for the last one before it reports success.
  let persisted: Promise<void> = Promise.resolve();
  let persistError: unknown = null;
  const onEvent = (raw: unknown) => {
    const event = raw as TrainTaskEvent;
    persisted = persisted
      .then(async () => {
        if (event.type === "backend") {
          await db
            .update(trainingRuns)
            .set({ backend: event.backend })
            .where(eq(trainingRuns.id, run.id));
        } else if (event.type === "checkpoint") {
          await storage.blobs.put(checkpointKey, event.bytes);
          await db.update(trainingRuns).set({ checkpointKey }).where(eq(trainingRuns.id, run.id));
        }
      })
      .catch((error: unknown) => {
        persistError ??= error;
      });
  };
  const output = await context
    .runInThread<TrainTaskOutput>(
      {
        module: new URL("./train-task.ts", import.meta.url).href,
        exportName: "trainTask",
        input,
      },
      { onEvent },
    )
    .finally(() => persisted);
  if (persistError !== null) throw persistError;

  context.reportProgress({ fraction: 0.97, message: "storing evaluation" });
  const evaluation = output.evaluation;
  await db.transaction(async (tx) => {
    await tx.delete(evaluations).where(eq(evaluations.trainingRunId, run.id));
    if (evaluation !== null && evaluation.volumes.length > 0) {
      await tx.insert(evaluations).values(
        evaluation.volumes.map((v) => ({
          trainingRunId: run.id,
          volumeId: v.volumeId,
          dice: v.meanDice,
          metrics: Object.fromEntries(
            v.scores.flatMap((s) => [
              [`dice_${s.structure}`, s.dice],
              [`hd95_${s.structure}`, s.hd95],
            ]),
          ),
        })),
      );
    }
  });

  return {
    backend: output.backend,
    trainingWorkers: output.workers,
    architecture,
    loss,
    labelSource: run.labelSource,
    imageSize: hyperparameters.imageSize,
    epochs: hyperparameters.epochs,
    warmupEpochs: hyperparameters.warmupEpochs,
    epochsCompleted: output.epochsCompleted,
    stoppedEarly: output.stoppedEarly,
    bestEpoch: output.bestEpoch,
    bestValidationDice: output.bestValidationDice,
    resumedFromEpoch: output.resumedFromEpoch,
    checkpointIgnored: output.checkpointIgnored,
    history: output.history,
    trainingSeconds: Math.round(output.trainingMs) / 1000,
    split,
    trainSlices: trainSet.count,
    validationSlices: validationSet.count,
    testVolumes: test.length,
    test: evaluation === null ? null : { ...evaluation, volumes: undefined },
    checkpointKey,
  };
}

function samplesOf(volumes: readonly TrainingVolume[], size: number, classes: number): SampleSet {
  const plane = size * size;
  const samples = volumes.flatMap((v) =>
    v.targets.flatMap((target, z) =>
      target === null ? [] : [{ image: v.images.subarray(z * plane, (z + 1) * plane), target }],
    ),
  );
  return packSamples(samples, size, classes);
}

function defaultBackends(): readonly BackendChoice[] {
  const forced = process.env.CROWDSEG_BACKEND;
  if (forced === undefined || forced === "") return DEFAULT_BACKEND_ORDER;
  if (!isBackendChoice(forced)) {
    throw new TrainingJobError(
      `CROWDSEG_BACKEND is "${forced}"; use ${BACKEND_CHOICES.join(", ")}.`,
    );
  }
  return [forced];
}
