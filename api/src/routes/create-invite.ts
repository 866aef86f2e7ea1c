import { z } from "zod";
import type { App } from "../create-app.ts";
import { createInvite } from "../invites/create-invite.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { studyRole } from "../studies/study-role.ts";
import { validate } from "../validate.ts";

const bodySchema = z.object({
  role: z.enum(["rater", "researcher", "coordinator"]).default("rater"),
  /** when given, only this address can use the invite */
  email: z.email().max(320).optional(),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
});

export function registerCreateInvite(app: App): void {
  app.post(
    "/api/studies/:studyId/invites",
    studyRole(["coordinator"]),
    validate("json", bodySchema),
    async (c) => {
      const created = await createInvite(
        c.get("deps").db,
        c.get("studyAccess").study.id,
        c.get("user").id,
        c.req.valid("json"),
      );
      return c.json(created, 201);
    },
  );
  documentRoute(app, {
    method: "post",
    path: "/api/studies/{studyId}/invites",
    tag: "members",
    summary:
      "Create a single-use invite (default: rater, 7 days); the token is shown only in this response",
    access: "coordinator of the study",
    body: bodySchema,
    responses: { 201: { description: "the invite and its token" } },
  });
}
