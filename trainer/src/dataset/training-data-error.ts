/**
 * Training data that can never be loaded as asked (a label source of another study, a rater
 * with no labels): retrying the job would fail the same way, so the job processor is told not to.
 */
export class TrainingDataError extends Error {
  /** read by the job processor: no retries for this one */
  readonly retryable = false;

  constructor(message: string) {
    super(message);
    this.name = "TrainingDataError";
  }
}
