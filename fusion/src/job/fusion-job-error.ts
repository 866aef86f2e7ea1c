/** A fusion run that cannot succeed however often it is tried (bad method, nothing to fuse). */
export class FusionJobError extends Error {
  /** read by the job processor: no retries for this one */
  readonly retryable = false;

  constructor(message: string) {
    super(message);
    this.name = "FusionJobError";
  }
}
