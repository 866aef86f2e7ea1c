import { z } from "zod";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { pageQuerySchema } from "../page-query-schema.ts";
import { listSlices } from "../studies/list-slices.ts";
import { studyRole } from "../studies/study-role.ts";
import { validate } from "../validate.ts";

const querySchema = pageQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  volumeId: z.coerce.number().int().min(1).optional(),
});

export function registerListSlices(app: App): void {
  app.get(
    "/api/studies/:studyId/slices",
    studyRole(["coordinator", "researcher"]),
    validate("query", querySchema),
    async (c) => {
      const query = c.req.valid("query");
      const rows = await listSlices(c.get("deps").db, c.get("studyAccess").study.id, query);
      return c.json({ slices: rows, limit: query.limit, offset: query.offset });
    },
  );
  documentRoute(app, {
    method: "get",
    path: "/api/studies/{studyId}/slices",
    tag: "images",
    summary: "Slices with volume, gold flag, reference presence, annotation and live-lease counts",
    access: "coordinator or researcher of the study",
    query: querySchema,
    responses: { 200: { description: "a page of slices" } },
  });
}
