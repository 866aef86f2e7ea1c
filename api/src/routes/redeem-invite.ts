import { z } from "zod";
import type { App } from "../create-app.ts";
import { redeemInvite } from "../invites/redeem-invite.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { passwordSchema } from "../users/password-schema.ts";
import { validate } from "../validate.ts";

const bodySchema = z.object({
  token: z.string().min(1).max(200),
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  password: passwordSchema,
});

export function registerRedeemInvite(app: App): void {
  app.post("/api/invites/redeem", validate("json", bodySchema), async (c) => {
    return c.json(await redeemInvite(c.get("deps").db, c.req.valid("json")), 201);
  });
  documentRoute(app, {
    method: "post",
    path: "/api/invites/redeem",
    tag: "members",
    summary: "Create an account from an invite, join its study, and get a login token",
    access: null,
    body: bodySchema,
    responses: {
      201: { description: "the account's login token and the study joined" },
      403: { description: "the invite names another email" },
      409: { description: "the email has an account: accept the invite instead" },
      410: { description: "the invite is unknown, used or expired" },
    },
  });
}
