import { authTokens } from "@crowdseg/db";
import { eq } from "drizzle-orm";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";

export function registerLogOut(app: App): void {
  app.post("/api/auth/logout", async (c) => {
    const { tokenHash } = c.get("user");
    await c
      .get("deps")
      .db.update(authTokens)
      .set({ revokedAt: new Date() })
      .where(eq(authTokens.tokenHash, tokenHash));
    c.get("tokenCache").delete(tokenHash);
    return c.body(null, 204);
  });
  documentRoute(app, {
    method: "post",
    path: "/api/auth/logout",
    tag: "auth",
    summary: "Revoke the token this request carries",
    access: "any logged-in user",
    responses: { 204: { description: "the token no longer works" } },
  });
}
