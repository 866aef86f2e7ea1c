import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { skipTask } from "../tasks/skip-task.ts";
import { taskParamSchema } from "../tasks/task-param-schema.ts";
import { validate } from "../validate.ts";

export function registerSkipTask(app: App): void {
  app.post("/api/tasks/:taskId/skip", validate("param", taskParamSchema), async (c) => {
    const { taskId } = c.req.valid("param");
    await skipTask(c.get("deps").db, taskId, c.get("user").id);
    return c.body(null, 204);
  });
  documentRoute(app, {
    method: "post",
    path: "/api/tasks/{taskId}/skip",
    tag: "tasks",
    summary:
      "Pass on the task: the slice returns to the pool and is not offered to this rater again",
    access: "the rater holding the task's lease",
    params: taskParamSchema,
    responses: { 204: { description: "skipped" }, 409: { description: "the lease is over" } },
  });
}
