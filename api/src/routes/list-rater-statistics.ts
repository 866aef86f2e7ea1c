import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { raterStatistics } from "../raters/rater-statistics.ts";
import { studyRole } from "../studies/study-role.ts";

export function registerListRaterStatistics(app: App): void {
  app.get("/api/studies/:studyId/raters", studyRole(["coordinator", "researcher"]), async (c) => {
    const { study } = c.get("studyAccess");
    return c.json({ raters: await raterStatistics(c.get("deps").db, study) });
  });
  documentRoute(app, {
    method: "get",
    path: "/api/studies/{studyId}/raters",
    tag: "raters",
    summary:
      "Per rater: annotations, median time, Dice on gold, STAPLE sensitivity/specificity from the latest fusion run, blocked",
    access: "coordinator or researcher of the study",
    responses: { 200: { description: "one entry per rater of the study" } },
  });
}
