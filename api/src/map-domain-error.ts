import { ImportError } from "@crowdseg/db";
import { ImagingError } from "@crowdseg/imaging";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError } from "./api-error.ts";

/**
 * The errors other packages throw on bad input, as the API answers them: their messages are
 * written for the person who sent the file, so they pass through unchanged. Anything else is
 * not the caller's fault and stays a 500 (undefined here).
 */
export function mapDomainError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof ImportError) {
    const status: ContentfulStatusCode =
      error.code === "study_not_found" ? 404 : error.code === "duplicate_volume" ? 409 : 422;
    return new ApiError(status, error.code, error.message);
  }
  if (error instanceof ImagingError) {
    return new ApiError(error.code === "image_too_large" ? 413 : 422, error.code, error.message);
  }
  if (error instanceof HTTPException) {
    // Hono's own refusals, e.g. malformed JSON before validation runs
    const code =
      error.status === 400
        ? "invalid_request"
        : error.status === 413
          ? "payload_too_large"
          : "http_error";
    return new ApiError(error.status as ContentfulStatusCode, code, error.message);
  }
  return undefined;
}
