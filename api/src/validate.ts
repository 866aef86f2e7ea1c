import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodType } from "zod";
import { ApiError } from "./api-error.ts";

/**
 * zValidator whose failures become the API's error envelope, naming each bad field, so a client
 * learns what to fix from one response.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const problems = result.error.issues.map((issue) => {
        const where = issue.path.length > 0 ? issue.path.join(".") : target;
        return `${where}: ${issue.message}`;
      });
      throw new ApiError(400, "invalid_request", `invalid ${target}: ${problems.join("; ")}`);
    }
  });
}
