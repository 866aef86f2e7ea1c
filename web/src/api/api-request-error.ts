/** An answer other than 2xx, with the API's `{error: {code, message}}` when it sent one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** Builds the error from a failed response, whatever its body turns out to be. */
export async function apiRequestError(response: Response): Promise<ApiRequestError> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (body.error?.message) {
      return new ApiRequestError(response.status, body.error.code ?? "error", body.error.message);
    }
  } catch {
    // not JSON: fall through to the status line
  }
  return new ApiRequestError(
    response.status,
    "http_error",
    `${response.status} ${response.statusText || "error"}${text ? `: ${text.slice(0, 200)}` : ""}`,
  );
}
