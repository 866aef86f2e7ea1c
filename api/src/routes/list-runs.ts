import { desc, eq } from "drizzle-orm";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { pageQuerySchema } from "../page-query-schema.ts";
import { runKinds } from "../runs/run-kinds.ts";
import { studyRole } from "../studies/study-role.ts";
import { validate } from "../validate.ts";

export function registerListRuns(app: App): void {
  for (const kind of runKinds) {
    const path = `/api/studies/:studyId/${kind.segment}`;
    app.get(
      path,
      studyRole(["researcher", "coordinator"]),
      validate("query", pageQuerySchema),
      async (c) => {
        const { limit, offset } = c.req.valid("query");
        const runs = await c
          .get("deps")
          .db.select()
          .from(kind.table)
          .where(eq(kind.table.studyId, c.get("studyAccess").study.id))
          .orderBy(desc(kind.table.id))
          .limit(limit)
          .offset(offset);
        return c.json({ runs, limit, offset });
      },
    );
    documentRoute(app, {
      method: "get",
      path,
      tag: "runs",
      summary: `List a study's ${kind.noun}s, newest first`,
      access: "researcher or coordinator of the study",
      query: pageQuerySchema,
      responses: { 200: { description: `the ${kind.noun}s` } },
    });
  }
}
