import { encodeRgbaPng } from "@crowdseg/imaging";
import { z } from "zod";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { findRun } from "../runs/find-run.ts";
import { readSoftLabel } from "../runs/read-soft-label.ts";
import { fusionRunKind } from "../runs/run-kinds.ts";
import { softLabelHeatMap } from "../runs/soft-label-heat-map.ts";
import { validate } from "../validate.ts";

const paramsSchema = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  sliceId: z.coerce.number().int().positive().max(2_147_483_647),
});
const querySchema = z.object({ class: z.coerce.number().int().min(0).max(255) });

export function registerGetSoftLabel(app: App): void {
  const path = "/api/fusion-runs/:id/slices/:sliceId/soft-label.png";
  app.get(path, validate("param", paramsSchema), validate("query", querySchema), async (c) => {
    const { id, sliceId } = c.req.valid("param");
    const { db } = c.get("deps");
    await findRun(db, c.get("user"), fusionRunKind, id);
    const soft = await readSoftLabel(db, id, sliceId);
    const k = c.req.valid("query").class;
    if (k >= soft.numClasses) {
      return c.json(
        {
          error: {
            code: "class_out_of_range",
            message: `class ${k} is not one of the run's ${soft.numClasses} classes`,
          },
        },
        422,
      );
    }
    const pixels = soft.width * soft.height;
    const png = encodeRgbaPng(
      softLabelHeatMap(soft.probabilities.subarray(k * pixels, (k + 1) * pixels)),
      soft.width,
      soft.height,
    );
    return c.body(png as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "image/png",
      "cache-control": "private, max-age=3600",
    });
  });
  documentRoute(app, {
    method: "get",
    path,
    tag: "runs",
    summary: "One class's soft label of a slice as a heat-map overlay (RGBA PNG)",
    access: "researcher or coordinator of the run's study",
    params: paramsSchema,
    query: querySchema,
    responses: { 200: { description: "PNG", contentType: "image/png" } },
  });
}
