/**
 * Every undefined numeric case in the fusion package throws this one class, so callers (the job
 * handler, the CLI) can tell a bad input apart from a programming error by `code`.
 */
export type FusionErrorCode =
  | "NO_RATERS"
  | "SIZE_MISMATCH"
  | "BAD_CLASS_COUNT"
  | "LABEL_OUT_OF_RANGE"
  | "BAD_WEIGHTS"
  | "ZERO_WEIGHT_SUM"
  | "BAD_SHAPE"
  | "BAD_OPTION"
  | "EMPTY_INPUT";

export class FusionError extends Error {
  readonly code: FusionErrorCode;

  constructor(code: FusionErrorCode, message: string) {
    super(message);
    this.name = "FusionError";
    this.code = code;
  }
}
