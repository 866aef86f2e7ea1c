/** A job that can never succeed (bad payload, missing run): failing it again would not help. */
export class InvalidJobError extends Error {
  readonly retryable = false;

  constructor(message: string) {
    super(message);
    this.name = "InvalidJobError";
  }
}

/** Handlers in other packages mark such errors with `retryable: false` rather than this class. */
export function isRetryable(error: unknown): boolean {
  return !(
    typeof error === "object" &&
    error !== null &&
    (error as { retryable?: unknown }).retryable === false
  );
}
