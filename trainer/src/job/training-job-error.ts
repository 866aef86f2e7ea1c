/**
 * A training run that cannot succeed however often it is tried (unknown architecture or loss,
 * hyperparameters out of range, no run): the job processor is told not to retry it.
 */
export class TrainingJobError extends Error {
  /** read by the job processor: no retries for this one */
  readonly retryable = false;

  constructor(message: string) {
    super(message);
    this.name = "TrainingJobError";
  }
}
