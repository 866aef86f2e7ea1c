/** Where early stopping stands after some epochs; plain data, so it goes into checkpoints. */
export interface EarlyStoppingState {
  /** Best validation score so far, or null before the first. */
  best: number | null;
  /** The epoch (1-based) that scored `best`; 0 before the first. */
  bestEpoch: number;
  /** Epochs since the best one. */
  waited: number;
}

export interface EarlyStoppingOptions {
  /** Epochs without improvement to allow before stopping. */
  patience: number;
  /** A score must beat the best by more than this to count as better. Default 0. */
  minDelta?: number;
}

export interface EarlyStoppingDecision {
  state: EarlyStoppingState;
  /** This epoch is the new best: keep its weights. */
  improved: boolean;
  /** Patience has run out: stop training. */
  stop: boolean;
}

export const EARLY_STOPPING_START: EarlyStoppingState = { best: null, bestEpoch: 0, waited: 0 };

/** Early stopping on a score where higher is better (validation Dice). */
export function updateEarlyStopping(
  state: EarlyStoppingState,
  score: number,
  epoch: number,
  options: EarlyStoppingOptions,
): EarlyStoppingDecision {
  const minDelta = options.minDelta ?? 0;
  if (!Number.isInteger(options.patience) || options.patience < 1) {
    throw new RangeError(
      `early stopping: patience must be an integer >= 1, got ${options.patience}.`,
    );
  }
  if (!(minDelta >= 0))
    throw new RangeError(`early stopping: minDelta must be >= 0, got ${minDelta}.`);
  // NaN never improves, so a diverged epoch cannot become the best one.
  const improved = Number.isFinite(score) && (state.best === null || score > state.best + minDelta);
  const next: EarlyStoppingState = improved
    ? { best: score, bestEpoch: epoch, waited: 0 }
    : { ...state, waited: state.waited + 1 };
  return { state: next, improved, stop: next.waited >= options.patience };
}
