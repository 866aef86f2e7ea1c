import { sql } from "drizzle-orm";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";

export function registerHealth(app: App): void {
  app.get("/health", async (c) => {
    // a health check that does not touch the database would report a dead service as alive
    await c.get("deps").db.execute(sql`select 1`);
    return c.json({ status: "ok" });
  });
  documentRoute(app, {
    method: "get",
    path: "/health",
    tag: "meta",
    summary: '`{status: "ok"}` once the database answers',
    access: null,
    responses: { 200: { description: "the service and its database are up" } },
  });
}
