import { createMiddleware } from "hono/factory";
import { ApiError } from "../api-error.ts";
import type { AppEnv } from "../app-context.ts";
import type { AuthUser } from "./auth-user.ts";

/**
 * Lets through callers with one of the global `roles` (admins always), before any validation,
 * so a caller without the role learns nothing about what the route accepts.
 */
export function allowRoles(roles: readonly AuthUser["role"][]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { role } = c.get("user");
    if (role !== "admin" && !roles.includes(role)) {
      throw new ApiError(
        403,
        "forbidden",
        `this needs the role ${roles.join(" or ")}; you are a ${role}`,
      );
    }
    await next();
  });
}
