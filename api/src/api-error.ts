import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * The one error the API throws on purpose. `onError` turns it into
 * `{ error: { code, message } }` with its status; anything else becomes a 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}
