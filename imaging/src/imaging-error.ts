/**
 * Every way an image, label map or RLE payload can be rejected. Callers (the API, importers)
 * switch on `code` to pick an HTTP status or a user message; `message` is written for a person
 * and says what was found and what was expected.
 */
export type ImagingErrorCode =
  | "not_an_image"
  | "image_too_large"
  | "nifti_bad_header"
  | "nifti_truncated"
  | "nifti_corrupt"
  | "nifti_unsupported_datatype"
  | "labels_invalid"
  | "png_invalid"
  | "png_unsupported"
  | "rle_invalid"
  | "size_mismatch"
  | "class_out_of_range"
  | "invalid_argument";

export class ImagingError extends Error {
  readonly code: ImagingErrorCode;

  constructor(code: ImagingErrorCode, message: string) {
    super(message);
    this.name = "ImagingError";
    this.code = code;
  }
}
