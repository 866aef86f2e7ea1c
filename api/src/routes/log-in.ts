import { z } from "zod";
import { logIn } from "../auth/log-in.ts";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { validate } from "../validate.ts";

const bodySchema = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
});

const responseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: z.object({ id: z.number(), email: z.string(), displayName: z.string(), role: z.string() }),
});

export function registerLogIn(app: App): void {
  app.post("/api/auth/login", validate("json", bodySchema), async (c) => {
    const { email, password } = c.req.valid("json");
    return c.json(await logIn(c.get("deps").db, email, password));
  });
  documentRoute(app, {
    method: "post",
    path: "/api/auth/login",
    tag: "auth",
    summary: "Log in with email and password; returns a bearer token (valid 30 days)",
    access: null,
    body: bodySchema,
    responses: {
      200: { description: "logged in", schema: responseSchema },
      401: { description: "email or password is wrong (the same answer for both)" },
    },
  });
}
