import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { describeMe } from "../users/describe-me.ts";

export function registerGetMe(app: App): void {
  app.get("/api/me", async (c) => c.json(await describeMe(c.get("deps").db, c.get("user").id)));
  documentRoute(app, {
    method: "get",
    path: "/api/me",
    tag: "auth",
    summary: "The caller's account and study memberships (role, blocked)",
    access: "any logged-in user",
    responses: { 200: { description: "the account and its memberships" } },
  });
}
