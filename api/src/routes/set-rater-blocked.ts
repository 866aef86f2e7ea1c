import { z } from "zod";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { setRaterBlocked } from "../studies/set-rater-blocked.ts";
import { studyRole } from "../studies/study-role.ts";
import { validate } from "../validate.ts";

const paramSchema = z.object({
  studyId: z.string(),
  userId: z.coerce.number().int().min(1),
});
const bodySchema = z.object({ blocked: z.boolean() });

export function registerSetRaterBlocked(app: App): void {
  app.patch(
    "/api/studies/:studyId/raters/:userId",
    studyRole(["coordinator"]),
    validate("param", paramSchema),
    validate("json", bodySchema),
    async (c) => {
      const { userId } = c.req.valid("param");
      const { blocked } = c.req.valid("json");
      const { study } = c.get("studyAccess");
      return c.json(await setRaterBlocked(c.get("deps").db, study.id, userId, blocked));
    },
  );
  documentRoute(app, {
    method: "patch",
    path: "/api/studies/{studyId}/raters/{userId}",
    tag: "raters",
    summary: "Block or unblock a rater; blocking ends their live lease and stops new tasks",
    access: "coordinator of the study",
    params: paramSchema,
    body: bodySchema,
    responses: {
      200: { description: "the rater's new standing and how many leases were ended" },
      404: { description: "the user is not a rater of the study" },
    },
  });
}
