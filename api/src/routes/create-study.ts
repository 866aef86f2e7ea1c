import { allowRoles } from "../auth/allow-roles.ts";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { createStudy } from "../studies/create-study.ts";
import { studySettingsSchema } from "../studies/study-settings-schema.ts";
import { validate } from "../validate.ts";

export function registerCreateStudy(app: App): void {
  app.post(
    "/api/studies",
    allowRoles(["coordinator"]),
    validate("json", studySettingsSchema),
    async (c) => {
      const study = await createStudy(c.get("deps").db, c.get("user").id, c.req.valid("json"));
      return c.json({ study }, 201);
    },
  );
  documentRoute(app, {
    method: "post",
    path: "/api/studies",
    tag: "studies",
    summary:
      "Create a study (classes in index order, background first); the creator coordinates it",
    access: "coordinator or admin",
    body: studySettingsSchema,
    responses: { 201: { description: "the new study" } },
  });
}
