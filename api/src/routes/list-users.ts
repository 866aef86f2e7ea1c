import { allowRoles } from "../auth/allow-roles.ts";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { pageQuerySchema } from "../page-query-schema.ts";
import { listUsers } from "../users/list-users.ts";
import { validate } from "../validate.ts";

export function registerListUsers(app: App): void {
  app.get("/api/users", allowRoles(["admin"]), validate("query", pageQuerySchema), async (c) => {
    const page = c.req.valid("query");
    return c.json({ users: await listUsers(c.get("deps").db, page), ...page });
  });
  documentRoute(app, {
    method: "get",
    path: "/api/users",
    tag: "users",
    summary: "All accounts, page by page",
    access: "admin",
    query: pageQuerySchema,
    responses: { 200: { description: "a page of users" } },
  });
}
