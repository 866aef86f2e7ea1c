export type ImportErrorCode =
  | "size_mismatch"
  | "class_out_of_range"
  | "empty_upload"
  | "study_not_found"
  | "duplicate_volume";

/** An upload that parsed but does not fit the study; nothing of it has been stored. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}
