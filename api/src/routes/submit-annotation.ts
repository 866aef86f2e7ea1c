import { z } from "zod";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { submitAnnotation } from "../tasks/submit-annotation.ts";
import { validate } from "../validate.ts";

const bodySchema = z.object({
  taskId: z.number().int().min(1),
  labels: z.object({
    width: z.number().int().min(1),
    height: z.number().int().min(1),
    counts: z
      .array(z.number())
      .min(2)
      .max(2 ** 24),
  }),
  /** time spent labelling, as the page measured it */
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000)
    .optional(),
});
const headerSchema = z.object({ "idempotency-key": z.string().min(1).max(200).optional() });

export function registerSubmitAnnotation(app: App): void {
  app.post(
    "/api/annotations",
    validate("header", headerSchema),
    validate("json", bodySchema),
    async (c) => {
      const result = await submitAnnotation(c.get("deps").db, c.get("user").id, {
        ...c.req.valid("json"),
        idempotencyKey: c.req.valid("header")["idempotency-key"],
      });
      if (!result.created) c.header("Idempotent-Replayed", "true");
      return c.json({ annotation: result.annotation }, result.created ? 201 : 200);
    },
  );
  documentRoute(app, {
    method: "post",
    path: "/api/annotations",
    tag: "tasks",
    summary: "Submit the label map (RLE) for a leased task; idempotent",
    description:
      "`labels.counts` is `[class, runLength, …]` over the pixels in row-major order; the runs " +
      "must add up to width × height of the task's slice, and classes lie in 0..classes−1. The " +
      "lease must be live. Sending the same task again, or the same `Idempotency-Key`, returns " +
      "the first annotation with status 200 and `Idempotent-Replayed: true`; nothing is stored twice.",
    access: "the rater holding the task's lease",
    headers: headerSchema,
    body: bodySchema,
    responses: {
      201: { description: "stored" },
      200: { description: "a repeat: the first submission's annotation" },
      404: { description: "no such task of the caller" },
      409: { description: "the lease has expired, was skipped, or was submitted" },
      422: { description: "the label map does not fit the slice or the study's classes" },
    },
  });
}
