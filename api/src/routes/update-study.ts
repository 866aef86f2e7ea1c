import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { studyRole } from "../studies/study-role.ts";
import { studySettingsPatchSchema } from "../studies/study-settings-schema.ts";
import { updateStudy } from "../studies/update-study.ts";
import { validate } from "../validate.ts";

export function registerUpdateStudy(app: App): void {
  app.patch(
    "/api/studies/:studyId",
    studyRole(["coordinator"]),
    validate("json", studySettingsPatchSchema),
    async (c) => {
      const { study } = c.get("studyAccess");
      const updated = await updateStudy(c.get("deps").db, study.id, c.req.valid("json"));
      return c.json({ study: updated });
    },
  );
  documentRoute(app, {
    method: "patch",
    path: "/api/studies/{studyId}",
    tag: "studies",
    summary:
      "Change settings (k, gold rate, lease seconds, status, …); classes only before the first annotation",
    access: "coordinator of the study",
    body: studySettingsPatchSchema,
    responses: {
      200: { description: "the updated study" },
      409: { description: "classes cannot change once annotations exist" },
    },
  });
}
