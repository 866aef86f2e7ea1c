import { sql } from "drizzle-orm";
import type { App } from "../create-app.ts";

export function registerHealth(app: App): void {
  app.get("/health", async (c) => {
    // a health check that does not touch the database would report a dead service as alive
    await c.get("deps").db.execute(sql`select 1`);
    return c.json({ status: "ok" });
  });
}
