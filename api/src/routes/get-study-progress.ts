import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { studyProgress } from "../studies/study-progress.ts";
import { studyRole } from "../studies/study-role.ts";

export function registerGetStudyProgress(app: App): void {
  app.get("/api/studies/:studyId/progress", studyRole(["coordinator", "researcher"]), async (c) => {
    const { study } = c.get("studyAccess");
    return c.json({
      progress: await studyProgress(c.get("deps").db, study.id, study.ratersPerSlice),
    });
  });
  documentRoute(app, {
    method: "get",
    path: "/api/studies/{studyId}/progress",
    tag: "studies",
    summary:
      "Slices done (k labels) / in progress (a live lease) / open, annotation and rater counts",
    access: "coordinator or researcher of the study",
    responses: { 200: { description: "the study's progress" } },
  });
}
