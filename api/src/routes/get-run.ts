import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { findRun } from "../runs/find-run.ts";
import { runIdParamsSchema } from "../runs/run-id-params.ts";
import { runKinds } from "../runs/run-kinds.ts";
import { validate } from "../validate.ts";

export function registerGetRun(app: App): void {
  for (const kind of runKinds) {
    const path = `/api/${kind.segment}/:id`;
    app.get(path, validate("param", runIdParamsSchema), async (c) => {
      const run = await findRun(c.get("deps").db, c.get("user"), kind, c.req.valid("param").id);
      return c.json({ run });
    });
    documentRoute(app, {
      method: "get",
      path,
      tag: "runs",
      summary: `A ${kind.noun}: status, progress and metrics`,
      access: "researcher or coordinator of the run's study",
      params: runIdParamsSchema,
      responses: {
        200: { description: "the run" },
        404: { description: "no such run visible to you" },
      },
    });
  }
}
