import { FUSION_METHODS, PRIOR_STEPS } from "@crowdseg/fusion";
import { z } from "zod";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { startFusionRun } from "../runs/start-fusion-run.ts";
import { studyRole } from "../studies/study-role.ts";
import { validate } from "../validate.ts";

const bodySchema = z
  .object({
    method: z.enum(FUSION_METHODS),
    /** applied in the package's fixed order whatever order they are listed in */
    priors: z.array(z.enum(PRIOR_STEPS)).max(PRIOR_STEPS.length).default([]),
    staple: z
      .object({
        tolerance: z.number().positive().max(0.1).optional(),
        maxIterations: z.number().int().min(1).max(1000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export function registerStartFusionRun(app: App): void {
  app.post(
    "/api/studies/:studyId/fusion-runs",
    studyRole(["researcher"]),
    validate("json", bodySchema),
    async (c) => {
      const body = c.req.valid("json");
      const run = await startFusionRun(c.get("deps"), {
        studyId: c.get("studyAccess").study.id,
        userId: c.get("user").id,
        method: body.method,
        priors: [...new Set(body.priors)],
        params: body.staple ? { staple: body.staple } : {},
      });
      return c.json({ run }, 202);
    },
  );
  documentRoute(app, {
    method: "post",
    path: "/api/studies/:studyId/fusion-runs",
    tag: "runs",
    summary: "Start a fusion run (queued as a job)",
    access: "researcher of the study",
    body: bodySchema,
    responses: { 202: { description: "queued; follow it at /api/fusion-runs/{id}/events" } },
  });
}
