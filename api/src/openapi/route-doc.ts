import type { ZodType } from "zod";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** What the OpenAPI document says about one route; written beside the route's handler. */
export interface RouteDoc {
  method: HttpMethod;
  /** OpenAPI's form, `/api/studies/{studyId}` (Hono's `:studyId` is converted too) */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** who may call it, in words (e.g. "coordinator of the study"); omitted for public routes */
  access: string | null;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  /** multipart/form-data for uploads; JSON otherwise */
  bodyType?: "json" | "multipart";
  headers?: ZodType;
  responses: Record<number, { description: string; schema?: ZodType; contentType?: string }>;
}
