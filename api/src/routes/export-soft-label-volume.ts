import { z } from "zod";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { exportSoftLabelVolume } from "../runs/export-soft-label-volume.ts";
import { findRun } from "../runs/find-run.ts";
import { fusionRunKind } from "../runs/run-kinds.ts";
import { validate } from "../validate.ts";

const paramsSchema = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  volumeId: z.coerce.number().int().positive().max(2_147_483_647),
});
const querySchema = z.object({ class: z.coerce.number().int().min(0).max(255) });

export function registerExportSoftLabelVolume(app: App): void {
  const path = "/api/fusion-runs/:id/volumes/:volumeId/probabilities.nii.gz";
  app.get(path, validate("param", paramsSchema), validate("query", querySchema), async (c) => {
    const { id, volumeId } = c.req.valid("param");
    const { db } = c.get("deps");
    const run = await findRun(db, c.get("user"), fusionRunKind, id);
    const k = c.req.valid("query").class;
    const bytes = await exportSoftLabelVolume(db, run, volumeId, k);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/gzip",
      "content-disposition": `attachment; filename="fusion-run-${id}_volume-${volumeId}_class-${k}.nii.gz"`,
    });
  });
  documentRoute(app, {
    method: "get",
    path,
    tag: "runs",
    summary: "One class's probabilities over a volume as NIfTI (uint8, scl_slope 1/255)",
    access: "researcher or coordinator of the run's study",
    params: paramsSchema,
    query: querySchema,
    responses: { 200: { description: "a .nii.gz file", contentType: "application/gzip" } },
  });
}
