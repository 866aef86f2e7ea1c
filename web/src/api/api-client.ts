import { apiRequestError } from "./api-request-error.ts";

export interface RequestOptions {
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Talks to the API with the session's bearer token. `onUnauthorized` runs on a 401, so an
 * expired or revoked token sends the user back to the login page instead of failing quietly.
 */
export class ApiClient {
  constructor(
    readonly token: string | null,
    private readonly onUnauthorized: () => void = () => {},
  ) {}

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.fetch(method, path, options);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>("GET", path, signal ? { signal } : {});
  }

  post<T>(path: string, json?: unknown, headers?: Record<string, string>): Promise<T> {
    return this.request<T>("POST", path, { json, ...(headers ? { headers } : {}) });
  }

  async blob(path: string, signal?: AbortSignal): Promise<Blob> {
    return (await this.fetch("GET", path, signal ? { signal } : {})).blob();
  }

  /** The raw response of a successful request (an event stream, say); throws on any other. */
  async fetch(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    }
    const response = await fetch(path, {
      method,
      headers,
      body,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (!response.ok) {
      if (response.status === 401 && this.token) this.onUnauthorized();
      throw await apiRequestError(response);
    }
    return response;
  }
}
