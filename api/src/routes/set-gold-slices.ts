import { z } from "zod";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { setGoldSlices } from "../studies/set-gold-slices.ts";
import { studyRole } from "../studies/study-role.ts";
import { validate } from "../validate.ts";

const bodySchema = z.object({
  sliceIds: z.array(z.number().int().min(1)).min(1).max(10_000),
  gold: z.boolean(),
});

export function registerSetGoldSlices(app: App): void {
  app.put(
    "/api/studies/:studyId/gold",
    studyRole(["coordinator"]),
    validate("json", bodySchema),
    async (c) => {
      const { sliceIds, gold } = c.req.valid("json");
      const unique = [...new Set(sliceIds)];
      const result = await setGoldSlices(
        c.get("deps").db,
        c.get("studyAccess").study.id,
        unique,
        gold,
      );
      return c.json(result);
    },
  );
  documentRoute(app, {
    method: "put",
    path: "/api/studies/{studyId}/gold",
    tag: "images",
    summary: "Mark slices gold (they need a reference) or unmark them; all or nothing",
    access: "coordinator of the study",
    body: bodySchema,
    responses: {
      200: { description: "how many slices changed" },
      422: { description: "a slice is not in the study, or has no reference" },
    },
  });
}
