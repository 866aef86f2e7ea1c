/**
 * The loss went to NaN or infinity. A run is deterministic in its seed, so trying again would
 * diverge at the same step: the job processor is told not to retry.
 */
export class TrainingDivergedError extends Error {
  readonly retryable = false;

  constructor(message: string) {
    super(message);
    this.name = "TrainingDivergedError";
  }
}
