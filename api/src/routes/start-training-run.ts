import { z } from "zod";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { startTrainingRun } from "../runs/start-training-run.ts";
import { studyRole } from "../studies/study-role.ts";
import { validate } from "../validate.ts";

export const architectures = ["unet", "attention-unet", "enet"] as const;
export const losses = ["ce", "dice", "ce+dice", "gce", "nce+rce", "nfl+mae"] as const;

const bodySchema = z
  .object({
    architecture: z.enum(architectures),
    loss: z.enum(losses),
    labelSource: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("reference") }).strict(),
      z.object({ kind: z.literal("rater"), userId: z.number().int().positive() }).strict(),
      z.object({ kind: z.literal("fusion"), fusionRunId: z.number().int().positive() }).strict(),
    ]),
    epochs: z.number().int().min(1).max(1000).default(20),
    imageSize: z
      .union([z.literal(64), z.literal(96), z.literal(128), z.literal(192), z.literal(256)])
      .default(128),
    batchSize: z.number().int().min(1).max(64).default(8),
    learningRate: z.number().positive().max(1).default(1e-3),
    baseFilters: z.number().int().min(4).max(64).default(16),
    seed: z.number().int().min(0).default(1),
    lossOptions: z
      .object({
        q: z.number().gt(0).max(1).optional(),
        alpha: z.number().min(0).optional(),
        beta: z.number().min(0).optional(),
        gamma: z.number().min(0).optional(),
      })
      .strict()
      .default({}),
    warmupEpochs: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("epochs trained with cross-entropy before the run's loss takes over"),
  })
  .strict()
  .refine((body) => (body.warmupEpochs ?? 0) < body.epochs, {
    message: "warmupEpochs must be below epochs",
    path: ["warmupEpochs"],
  });

export function registerStartTrainingRun(app: App): void {
  app.post(
    "/api/studies/:studyId/training-runs",
    studyRole(["researcher"]),
    validate("json", bodySchema),
    async (c) => {
      const { architecture, loss, labelSource, ...hyperparameters } = c.req.valid("json");
      const run = await startTrainingRun(c.get("deps"), {
        studyId: c.get("studyAccess").study.id,
        userId: c.get("user").id,
        architecture,
        loss,
        labelSource,
        hyperparameters,
      });
      return c.json({ run }, 202);
    },
  );
  documentRoute(app, {
    method: "post",
    path: "/api/studies/:studyId/training-runs",
    tag: "runs",
    summary: "Start a training run (queued as a job)",
    access: "researcher of the study",
    body: bodySchema,
    responses: {
      202: { description: "queued; follow it at /api/training-runs/{id}/events" },
      422: { description: "the label source is not of this study" },
    },
  });
}
