import type { AugmentOptions } from "../dataset/augment.ts";
import type { SplitOptions } from "../dataset/split-by-patient.ts";
import type { Architecture } from "../models/create-model.ts";
import type { LossName, LossParameters } from "../training/create-loss.ts";
import { TrainingJobError } from "./training-job-error.ts";

/** A training run's settings with every default filled in. */
export interface TrainingHyperparameters {
  epochs: number;
  imageSize: number;
  batchSize: number;
  learningRate: number;
  baseFilters: number;
  /** U-Nets: poolings (default 4). ENet: middle stages (default 2). */
  depth: number;
  seed: number;
  lossOptions: LossParameters;
  /**
   * Epochs trained with cross-entropy before the run's loss takes over; < epochs. Default: a
   * quarter of the epochs for the bounded losses NCE+RCE and NFL+MAE, 0 for the others.
   */
  warmupEpochs: number;
  /** Early-stopping patience in epochs; null never stops early. Default 10. */
  patience: number | null;
  /** Augmentation settings, or false for none. Default: augmentSample's defaults. */
  augment: AugmentOptions | false;
  /** How patients are split; default a seeded 60/20/20 split. */
  split: Omit<SplitOptions, "seed">;
}

/**
 * Reads a run's stored hyperparameters (the API's fields, plus depth, patience, augment and split
 * for runs made by the experiment runner), filling defaults and refusing values no run could
 * train with. Unknown keys are refused too: a misspelt setting would otherwise be silently ignored.
 */
export function parseHyperparameters(
  raw: Record<string, unknown>,
  architecture: Architecture,
  loss: LossName,
): TrainingHyperparameters {
  const known = new Set([
    "epochs",
    "imageSize",
    "batchSize",
    "learningRate",
    "baseFilters",
    "depth",
    "seed",
    "lossOptions",
    "warmupEpochs",
    "patience",
    "augment",
    "split",
  ]);
  const unknown = Object.keys(raw).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new TrainingJobError(`unknown hyperparameters: ${unknown.join(", ")}.`);
  }
  const int = (key: string, fallback: number, min: number, max: number): number => {
    const value = raw[key] ?? fallback;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      throw new TrainingJobError(
        `hyperparameter ${key} must be an integer in [${min}, ${max}], got ${String(value)}.`,
      );
    }
    return value;
  };
  const depth = int("depth", architecture === "enet" ? 2 : 4, architecture === "enet" ? 0 : 1, 6);
  const imageSize = int("imageSize", 128, 16, 512);
  const multiple = architecture === "enet" ? 8 : 2 ** depth;
  if (imageSize % multiple !== 0) {
    throw new TrainingJobError(
      `imageSize ${imageSize} must be a multiple of ${multiple} for ${architecture} at depth ${depth}.`,
    );
  }
  const learningRate = raw.learningRate ?? 1e-3;
  if (typeof learningRate !== "number" || !(learningRate > 0 && learningRate <= 1)) {
    throw new TrainingJobError(
      `hyperparameter learningRate must be in (0, 1], got ${String(learningRate)}.`,
    );
  }
  const patience =
    raw.patience === undefined ? 10 : raw.patience === null ? null : int("patience", 10, 1, 1000);
  const epochs = int("epochs", 20, 1, 1000);
  const warmupEpochs = int(
    "warmupEpochs",
    BOUNDED_LOSSES.has(loss) ? Math.floor(epochs / 4) : 0,
    0,
    1000,
  );
  if (warmupEpochs >= epochs) {
    throw new TrainingJobError(
      `hyperparameter warmupEpochs (${warmupEpochs}) must be below epochs (${epochs}).`,
    );
  }
  return {
    epochs,
    imageSize,
    batchSize: int("batchSize", 8, 1, 256),
    learningRate,
    baseFilters: int("baseFilters", 16, architecture === "enet" ? 2 : 1, 256),
    depth,
    seed: int("seed", 1, 0, 2 ** 31 - 1),
    lossOptions: lossOptionsOf(raw.lossOptions),
    warmupEpochs,
    patience,
    augment: augmentOf(raw.augment),
    split: splitOf(raw.split),
  };
}

/**
 * Losses bounded per pixel. From random weights they settle on "everything is background" on
 * slices that are mostly background: a confidently wrong foreground pixel costs at most a
 * constant and sends back no gradient, so nothing pulls the network out (measured on ACDC, where
 * the logits then grow without bound). Cross-entropy first, then these, trains.
 */
const BOUNDED_LOSSES: ReadonlySet<LossName> = new Set(["nce+rce", "nfl+mae"]);

function lossOptionsOf(value: unknown): LossParameters {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TrainingJobError("hyperparameter lossOptions must be an object.");
  }
  const out: LossParameters = {};
  for (const [key, v] of Object.entries(value)) {
    if (key !== "q" && key !== "alpha" && key !== "beta" && key !== "gamma") {
      throw new TrainingJobError(`unknown loss option ${key}; use q, alpha, beta, gamma.`);
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new TrainingJobError(`loss option ${key} must be a number, got ${String(v)}.`);
    }
    out[key] = v;
  }
  return out;
}

function augmentOf(value: unknown): AugmentOptions | false {
  if (value === undefined || value === true) return {};
  if (value === false) return false;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TrainingJobError("hyperparameter augment must be true, false or an object.");
  }
  return value as AugmentOptions;
}

function splitOf(value: unknown): Omit<SplitOptions, "seed"> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TrainingJobError("hyperparameter split must be an object.");
  }
  const split = value as Record<string, unknown>;
  const list = (key: string): string[] | undefined => {
    const ids = split[key];
    if (ids === undefined) return undefined;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) {
      throw new TrainingJobError(`split.${key} must be a list of patient ids.`);
    }
    return ids;
  };
  const validation = list("validation");
  const test = list("test");
  if (validation !== undefined || test !== undefined) {
    const train = list("train");
    return {
      explicit: {
        validation: validation ?? [],
        test: test ?? [],
        ...(train === undefined ? {} : { train }),
      },
    };
  }
  const fraction = (key: "validationFraction" | "testFraction") => {
    const f = split[key];
    if (f === undefined) return {};
    if (typeof f !== "number") throw new TrainingJobError(`split.${key} must be a number.`);
    return { [key]: f };
  };
  return { ...fraction("validationFraction"), ...fraction("testFraction") };
}
