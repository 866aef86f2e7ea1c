import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { type AugmentOptions, augmentSample } from "../dataset/augment.ts";
import type { LossFunction } from "../losses/loss-function.ts";
import { NOISE_SEED_KWARG } from "../models/spatial-dropout.ts";
import type { HostTensor } from "../parallel/data-parallel-trainer.ts";
import { assignFlatWeights, readFlatWeights } from "../parallel/flat-weights.ts";
import type { StepContext } from "../parallel/replica.ts";
import {
  loadModelWeights,
  loadOptimizerState,
  saveModelWeights,
  saveOptimizerState,
} from "./checkpoint.ts";
import type { EpochRecord, SavedTensor, TrainingCheckpoint } from "./checkpoint-codec.ts";
import {
  EARLY_STOPPING_START,
  type EarlyStoppingState,
  updateEarlyStopping,
} from "./early-stopping.ts";
import { RandomStream } from "./random-stream.ts";
import type { SampleSet } from "./sample-set.ts";
import { TrainingDivergedError } from "./training-diverged-error.ts";
import { validationDice } from "./validation-dice.ts";

export interface TrainProgress {
  /** 1-based epoch under way. */
  epoch: number;
  epochs: number;
  /** Optimizer steps taken so far in the run, resumed ones included. */
  step: number;
  stepsPerEpoch: number;
  /** This step's loss, or the epoch's mean at the end of an epoch. */
  loss: number;
  /** Set at the end of an epoch with a validation set. */
  validationDice?: number;
  /** Share of the run's steps done. */
  fraction: number;
  endOfEpoch: boolean;
}

/** Epochs trained with another loss before the run's own takes over. */
export interface LossWarmup {
  epochs: number;
  loss: LossFunction;
}

/**
 * Optimizer steps taken elsewhere, as DataParallelTrainer takes them: replicas of the model
 * built with the same loss, warm-up loss and learning rate. The model then only receives the
 * weights, at the end of every epoch.
 */
export interface RemoteSteps {
  step(x: HostTensor, y: HostTensor, context: StepContext): Promise<number>;
  load(weights: Float32Array, optimizer: SavedTensor[] | null): Promise<void>;
  weights(): Promise<Float32Array>;
  optimizerState(): Promise<SavedTensor[]>;
}

export interface TrainOptions {
  loss: LossFunction;
  /**
   * The first epochs train with this loss instead. Those epochs never count as the best one nor
   * towards early stopping, so a run that ends with its warm-up weights cannot happen.
   */
  warmup?: LossWarmup | null;
  /** Total epochs of the run, resumed ones included. */
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Seeds the shuffles and augmentations (weights are initialised by the caller). */
  seed: number;
  /** Default: augmentSample's defaults; false switches augmentation off. */
  augment?: AugmentOptions | false;
  /** Epochs without a better validation Dice before stopping; null (default) never stops early. */
  patience?: number | null;
  minDelta?: number;
  /** Carry on from here instead of starting afresh. */
  resumeFrom?: TrainingCheckpoint | null;
  /** The settings a checkpoint is only valid under; a resume under other settings is refused. */
  config?: Record<string, unknown>;
  onProgress?: (progress: TrainProgress) => void;
  /** Called after every epoch; training waits for it. */
  onCheckpoint?: (checkpoint: TrainingCheckpoint) => void | Promise<void>;
  /** Take the steps there instead of on this thread; `loss`, `warmup` and `learningRate` must match its replicas. */
  remote?: RemoteSteps | null;
}

export interface TrainResult {
  epochsCompleted: number;
  stoppedEarly: boolean;
  /** 0 without validation. */
  bestEpoch: number;
  bestValidationDice: number | null;
  history: EpochRecord[];
  /** The state after the last epoch, as emitted. */
  checkpoint: TrainingCheckpoint;
}

/**
 * The training loop: Adam on shuffled, augmented mini-batches; validation Dice after every
 * epoch; a checkpoint after every epoch (weights, Adam's moments, the random stream, early
 * stopping and the best weights), from which a resumed run continues with exactly the batches
 * and augmentations the uninterrupted run would have drawn. When there is a validation set the
 * model ends holding its best epoch's weights.
 */
export async function train(
  model: tfl.LayersModel,
  trainSet: SampleSet,
  validationSet: SampleSet | null,
  options: TrainOptions,
): Promise<TrainResult> {
  checkOptions(trainSet, validationSet, options);
  const { size, classes, count } = trainSet;
  const plane = size * size;
  const batchSize = options.batchSize;
  const stepsPerEpoch = Math.ceil(count / batchSize);
  const config = options.config ?? {};
  const patience = options.patience ?? null;
  const warmupEpochs = options.warmup?.epochs ?? 0;
  const optimizer = tf.train.adam(options.learningRate);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const remote = options.remote ?? null;

  let random = new RandomStream(options.seed);
  let epoch = 0;
  let step = 0;
  let stopping: EarlyStoppingState = EARLY_STOPPING_START;
  let bestWeights: SavedTensor[] | null = null;
  let history: EpochRecord[] = [];
  let stoppedEarly = false;
  let last: TrainingCheckpoint | null = null;
  try {
    const resume = options.resumeFrom ?? null;
    if (resume !== null) {
      if (JSON.stringify(resume.config) !== JSON.stringify(config)) {
        throw new Error(
          `train: the checkpoint was written under ${JSON.stringify(resume.config)}, ` +
            `this run is ${JSON.stringify(config)}.`,
        );
      }
      loadModelWeights(model, resume.weights);
      if (remote === null) await loadOptimizerState(optimizer, resume.optimizer);
      random = RandomStream.fromState(resume.randomState);
      ({ epoch, step, bestWeights, history } = resume);
      stopping = resume.earlyStopping;
      stoppedEarly = patience !== null && stopping.waited >= patience;
      last = resume;
    }

    if (remote !== null)
      await remote.load(await readFlatWeights(variables), resume?.optimizer ?? null);

    while (epoch < options.epochs && !stoppedEarly) {
      const current = epoch + 1;
      const epochLoss = current <= warmupEpochs ? options.warmup!.loss : options.loss;
      const order = random.shuffle(Array.from({ length: count }, (_, i) => i));
      let lossSum = 0;
      for (let start = 0; start < count; start += batchSize) {
        const batch = order.slice(start, start + batchSize);
        const images = new Float32Array(batch.length * plane);
        const targets = new Float32Array(batch.length * plane * classes);
        for (const [b, index] of batch.entries()) {
          let sample = {
            image: trainSet.images.subarray(index * plane, (index + 1) * plane),
            target: trainSet.targets.subarray(
              index * plane * classes,
              (index + 1) * plane * classes,
            ),
          };
          if (options.augment !== false) {
            sample = augmentSample(sample, size, classes, random, options.augment ?? {});
          }
          images.set(sample.image, b * plane);
          targets.set(sample.target, b * plane * classes);
        }
        // Dropout layers seed their masks from this, so a resumed run draws the same masks.
        const noiseSeed = random.int(2 ** 31);
        const xShape = [batch.length, size, size, 1];
        const yShape = [batch.length, size, size, classes];
        let loss: number;
        if (remote !== null) {
          loss = await remote.step(
            { data: images, shape: xShape },
            { data: targets, shape: yShape },
            { noiseSeed, warmup: current <= warmupEpochs },
          );
        } else {
          const cost = tf.tidy(() => {
            const x = tf.tensor(images, xShape);
            const y = tf.tensor(targets, yShape);
            return optimizer.minimize(
              () =>
                epochLoss(
                  y,
                  model.apply(x, { training: true, [NOISE_SEED_KWARG]: noiseSeed }) as tf.Tensor,
                ),
              true,
              variables,
            )!;
          });
          // data(), not dataSync(): the webgpu backend cannot read synchronously in Node.
          loss = (await cost.data().finally(() => cost.dispose()))[0]!;
        }
        step++;
        if (!Number.isFinite(loss)) {
          throw new TrainingDivergedError(
            `the loss became ${loss} at epoch ${current}, step ${step}: lower the learning rate.`,
          );
        }
        lossSum += loss;
        options.onProgress?.({
          epoch: current,
          epochs: options.epochs,
          step,
          stepsPerEpoch,
          loss,
          fraction: step / (options.epochs * stepsPerEpoch),
          endOfEpoch: false,
        });
      }

      if (remote !== null) assignFlatWeights(variables, await remote.weights());
      const dice =
        validationSet === null
          ? null
          : (await validationDice(model, validationSet, { batchSize })).mean;
      if (dice !== null && current > warmupEpochs) {
        const decision = updateEarlyStopping(stopping, dice, current, {
          patience: patience ?? Number.MAX_SAFE_INTEGER,
          minDelta: options.minDelta ?? 0,
        });
        stopping = decision.state;
        if (decision.improved) bestWeights = await saveModelWeights(model);
        stoppedEarly = patience !== null && decision.stop;
      }
      const record: EpochRecord = {
        epoch: current,
        loss: lossSum / stepsPerEpoch,
        validationDice: dice,
      };
      history = [...history, record];
      epoch = current;
      last = {
        epoch,
        step,
        randomState: random.state,
        weights: await saveModelWeights(model),
        optimizer:
          remote === null ? await saveOptimizerState(optimizer) : await remote.optimizerState(),
        bestWeights,
        earlyStopping: stopping,
        history,
        config,
      };
      options.onProgress?.({
        epoch: current,
        epochs: options.epochs,
        step,
        stepsPerEpoch,
        loss: record.loss,
        ...(dice === null ? {} : { validationDice: dice }),
        fraction: step / (options.epochs * stepsPerEpoch),
        endOfEpoch: true,
      });
      await options.onCheckpoint?.(last);
    }
    if (last === null) throw new Error("train: no epoch was run.");
    if (bestWeights !== null) loadModelWeights(model, bestWeights);
    return {
      epochsCompleted: epoch,
      stoppedEarly,
      bestEpoch: stopping.bestEpoch,
      bestValidationDice: stopping.best,
      history,
      checkpoint: last,
    };
  } finally {
    optimizer.dispose();
  }
}

function checkOptions(
  trainSet: SampleSet,
  validationSet: SampleSet | null,
  options: TrainOptions,
): void {
  if (trainSet.count < 1) throw new RangeError("train: the training set is empty.");
  for (const [name, value] of [
    ["epochs", options.epochs],
    ["batchSize", options.batchSize],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`train: ${name} must be an integer >= 1, got ${value}.`);
    }
  }
  const warmup = options.warmup?.epochs ?? 0;
  if (!Number.isInteger(warmup) || warmup < 0 || warmup >= options.epochs) {
    throw new RangeError(
      `train: warm-up epochs must be an integer in [0, epochs), got ${warmup} of ${options.epochs}.`,
    );
  }
  if (!(options.learningRate > 0 && Number.isFinite(options.learningRate))) {
    throw new RangeError(`train: learningRate must be > 0, got ${options.learningRate}.`);
  }
  if (
    validationSet !== null &&
    (validationSet.size !== trainSet.size || validationSet.classes !== trainSet.classes)
  ) {
    throw new RangeError("train: validation and training samples differ in size or classes.");
  }
}
