import { z } from "zod";
import type { App } from "../create-app.ts";
import { claimInvite } from "../invites/claim-invite.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { validate } from "../validate.ts";

const bodySchema = z.object({ token: z.string().min(1).max(200) });

export function registerAcceptInvite(app: App): void {
  app.post("/api/invites/accept", validate("json", bodySchema), async (c) => {
    const { token } = c.req.valid("json");
    const user = c.get("user");
    const joined = await c.get("deps").db.transaction((tx) => claimInvite(tx, token, user));
    return c.json(joined);
  });
  documentRoute(app, {
    method: "post",
    path: "/api/invites/accept",
    tag: "members",
    summary: "Join the invite's study with the account already logged in",
    access: "any logged-in user",
    body: bodySchema,
    responses: {
      200: { description: "the study joined and the role" },
      410: { description: "the invite is unknown, used or expired" },
    },
  });
}
