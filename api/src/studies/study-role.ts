import { createMiddleware } from "hono/factory";
import { ApiError } from "../api-error.ts";
import type { AppEnv } from "../app-context.ts";
import { requireStudyRole, type StudyRole } from "./require-study-role.ts";

/**
 * For routes under `/api/studies/:studyId`: lets through members holding one of `roles` (admins
 * always) and puts the study on the context as `studyAccess`, before any body is validated.
 */
export function studyRole(roles: readonly StudyRole[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const raw = c.req.param("studyId") ?? "";
    const studyId = Number(raw);
    if (!/^\d{1,9}$/.test(raw) || studyId < 1) {
      throw new ApiError(
        400,
        "invalid_request",
        `invalid param: studyId: "${raw}" is not a study id`,
      );
    }
    c.set("studyAccess", await requireStudyRole(c.get("deps").db, c.get("user"), studyId, roles));
    await next();
  });
}
