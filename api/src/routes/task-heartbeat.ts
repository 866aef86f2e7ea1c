import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { extendLease } from "../tasks/extend-lease.ts";
import { taskParamSchema } from "../tasks/task-param-schema.ts";
import { validate } from "../validate.ts";

export function registerTaskHeartbeat(app: App): void {
  app.post("/api/tasks/:taskId/heartbeat", validate("param", taskParamSchema), async (c) => {
    const { taskId } = c.req.valid("param");
    return c.json(await extendLease(c.get("deps").db, taskId, c.get("user").id));
  });
  documentRoute(app, {
    method: "post",
    path: "/api/tasks/{taskId}/heartbeat",
    tag: "tasks",
    summary: "Keep the lease alive: it runs for the study's lease seconds again from now",
    access: "the rater holding the task's lease",
    params: taskParamSchema,
    responses: {
      200: { description: "the new expiry" },
      409: { description: "the lease is over" },
    },
  });
}
