import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { studyRole } from "../studies/study-role.ts";

export function registerGetStudy(app: App): void {
  app.get("/api/studies/:studyId", studyRole(["coordinator", "researcher", "rater"]), (c) => {
    const { study, roles } = c.get("studyAccess");
    if (roles.includes("coordinator") || roles.includes("researcher")) return c.json({ study });
    // a rater needs what to paint, not how the study is run (gold rate, redundancy)
    const { id, name, description, classes, status } = study;
    return c.json({ study: { id, name, description, classes, status } });
  });
  documentRoute(app, {
    method: "get",
    path: "/api/studies/{studyId}",
    tag: "studies",
    summary: "A study's settings; raters see only name, description, classes and status",
    access: "member of the study",
    responses: {
      200: { description: "the study" },
      404: { description: "no such study, or not a member" },
    },
  });
}
