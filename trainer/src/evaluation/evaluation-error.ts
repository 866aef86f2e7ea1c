/**
 * Every undefined or invalid case in evaluation throws this one class, so the training job can
 * tell bad inputs (and metrics that do not exist for them) from programming errors by `code`.
 */
export type EvaluationErrorCode =
  | "BAD_GRID"
  | "SIZE_MISMATCH"
  | "BAD_OPTION"
  | "NON_FINITE"
  | "TOO_FEW_PAIRS"
  | "UNDEFINED_EJECTION_FRACTION"
  | "MIXED_UNITS"
  | "DUPLICATE_VOLUME";

export class EvaluationError extends Error {
  readonly code: EvaluationErrorCode;

  constructor(code: EvaluationErrorCode, message: string) {
    super(message);
    this.name = "EvaluationError";
    this.code = code;
  }
}
