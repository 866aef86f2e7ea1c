import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { renderTaskImage } from "../tasks/render-task-image.ts";
import { taskParamSchema } from "../tasks/task-param-schema.ts";
import { validate } from "../validate.ts";

export function registerGetTaskImage(app: App): void {
  app.get("/api/tasks/:taskId/image.png", validate("param", taskParamSchema), async (c) => {
    const { taskId } = c.req.valid("param");
    const { db, blobs } = c.get("deps");
    const png = await renderTaskImage({ db, blobs }, c.get("user"), taskId);
    return c.body(png as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "image/png",
      // the image is the rater's only while the lease lasts; keep it out of shared caches
      "cache-control": "private, no-store",
    });
  });
  documentRoute(app, {
    method: "get",
    path: "/api/tasks/{taskId}/image.png",
    tag: "tasks",
    summary: "The task's slice as an 8-bit PNG, windowed with the slice's display window",
    access: "the rater holding the task's live lease; coordinators and researchers of the study",
    params: taskParamSchema,
    responses: {
      200: { description: "the PNG", contentType: "image/png" },
      404: { description: "no such task, or not the caller's" },
      409: { description: "the caller's lease is over" },
    },
  });
}
