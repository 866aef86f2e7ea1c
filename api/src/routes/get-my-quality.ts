import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { raterStatistics } from "../raters/rater-statistics.ts";
import { studyRole } from "../studies/study-role.ts";

export function registerGetMyQuality(app: App): void {
  app.get("/api/studies/:studyId/my-quality", studyRole(["rater"]), async (c) => {
    const { study } = c.get("studyAccess");
    const [mine] = await raterStatistics(c.get("deps").db, study, c.get("user").id);
    // only the rater's own aggregate: no per-slice scores, so no slice is revealed as gold
    return c.json({
      quality: {
        annotations: mine?.annotations ?? 0,
        medianDurationMs: mine?.medianDurationMs ?? null,
        score: mine?.goldDice ?? null,
        blocked: mine?.blocked ?? false,
      },
    });
  });
  documentRoute(app, {
    method: "get",
    path: "/api/studies/{studyId}/my-quality",
    tag: "tasks",
    summary:
      "The caller's own quality score (mean Dice on the hidden gold slices), annotation count and median time",
    access: "rater of the study",
    responses: {
      200: { description: "the caller's score; null before any gold slice was labelled" },
    },
  });
}
