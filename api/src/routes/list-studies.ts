import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { pageQuerySchema } from "../page-query-schema.ts";
import { listStudies } from "../studies/list-studies.ts";
import { validate } from "../validate.ts";

export function registerListStudies(app: App): void {
  app.get("/api/studies", validate("query", pageQuerySchema), async (c) => {
    const page = c.req.valid("query");
    const studies = await listStudies(c.get("deps").db, c.get("user"), page);
    return c.json({ studies, ...page });
  });
  documentRoute(app, {
    method: "get",
    path: "/api/studies",
    tag: "studies",
    summary:
      "The studies the caller belongs to (all for an admin), with volume, slice and annotation counts",
    access: "any logged-in user",
    query: pageQuerySchema,
    responses: { 200: { description: "a page of studies" } },
  });
}
