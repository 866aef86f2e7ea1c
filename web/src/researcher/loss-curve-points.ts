import type { RunProgress } from "../api/api-types.ts";

export interface LossPoint {
  /** optimizer steps so far while a run is live; the epoch for a finished run's history */
  x: number;
  loss: number;
  /** set at the end of an epoch (when the run has a validation set) */
  validationDice: number | null;
}

/** An epoch of a finished run's `metrics.history`. */
export interface EpochRecord {
  epoch: number;
  loss: number;
  validationDice: number | null;
}

/**
 * Adds the point a training run's progress event carries. The trainer reports the run's
 * cumulative optimizer `step` and that step's loss, and at an epoch's end the same step again
 * with the epoch's mean loss and validation Dice, which then replaces the step's point.
 * The stream sends the run whenever anything changes, so a repeat adds nothing.
 */
export function appendProgressPoint(
  points: readonly LossPoint[],
  progress: RunProgress,
): readonly LossPoint[] {
  const { step, loss } = progress;
  if (step === undefined || loss === undefined) return points;
  const point = { x: step, loss, validationDice: progress.validationDice ?? null };
  const last = points.at(-1);
  if (!last || step > last.x) return [...points, point];
  if (step === last.x) {
    const same = last.loss === point.loss && last.validationDice === point.validationDice;
    return same ? points : [...points.slice(0, -1), point];
  }
  // a retried run resumes from its last checkpoint: the steps after it are run again
  return [...points.filter((p) => p.x < step), point];
}

/** The loss curve of a finished run, one point per epoch. */
export function historyPoints(history: readonly EpochRecord[]): LossPoint[] {
  return history.map((record) => ({
    x: record.epoch,
    loss: record.loss,
    validationDice: record.validationDice,
  }));
}
