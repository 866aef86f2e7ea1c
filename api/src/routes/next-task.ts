import { z } from "zod";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { leaseNextTask } from "../tasks/lease-next-task.ts";
import { validate } from "../validate.ts";

const bodySchema = z.object({ studyId: z.number().int().min(1) });

export function registerNextTask(app: App): void {
  app.post("/api/tasks/next", validate("json", bodySchema), async (c) => {
    const { studyId } = c.req.valid("json");
    const task = await leaseNextTask(c.get("deps").db, studyId, c.get("user").id);
    return c.json({ task });
  });
  documentRoute(app, {
    method: "post",
    path: "/api/tasks/next",
    tag: "tasks",
    summary: "Lease the next slice to label (or get back the one already leased)",
    description:
      "Never a slice the rater was given before; never more than k completed or live labels on a " +
      "slice; fewest labels first, then priority; gold slices mixed in at the study's rate, in the " +
      "same shape. A rater holds at most one live lease per study: asking again returns it. " +
      "`task` is null when nothing is left for this rater. The lease runs for the study's lease " +
      "seconds; POST …/heartbeat extends it.",
    access: "rater of the study (not blocked)",
    body: bodySchema,
    responses: {
      200: {
        description: "`{task}`: id, size, classes, image URL, lease expiry; or `{task: null}`",
      },
      403: { description: "the rater is blocked in this study" },
      404: { description: "no such study, or the caller is not one of its raters" },
      409: { description: "the study is not active" },
    },
  });
}
