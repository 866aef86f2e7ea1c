import { z } from "zod";
import { allowRoles } from "../auth/allow-roles.ts";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { createUser } from "../users/create-user.ts";
import { passwordSchema } from "../users/password-schema.ts";
import { validate } from "../validate.ts";

const bodySchema = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(["rater", "coordinator", "researcher", "admin"]),
  password: passwordSchema,
});

export function registerCreateUser(app: App): void {
  app.post("/api/users", allowRoles(["admin"]), validate("json", bodySchema), async (c) => {
    return c.json({ user: await createUser(c.get("deps").db, c.req.valid("json")) }, 201);
  });
  documentRoute(app, {
    method: "post",
    path: "/api/users",
    tag: "users",
    summary: "Create an account with a global role",
    access: "admin",
    body: bodySchema,
    responses: {
      201: { description: "created" },
      409: { description: "the email is taken" },
    },
  });
}
