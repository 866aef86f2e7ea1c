import { slices } from "@crowdseg/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ApiError } from "../api-error.ts";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { sliceImagePng } from "../slices/slice-image-png.ts";
import { requireStudyRole } from "../studies/require-study-role.ts";
import { validate } from "../validate.ts";

const paramsSchema = z.object({ sliceId: z.coerce.number().int().positive().max(2_147_483_647) });

export function registerGetSliceImage(app: App): void {
  app.get("/api/slices/:sliceId/image.png", validate("param", paramsSchema), async (c) => {
    const { sliceId } = c.req.valid("param");
    const { db, blobs } = c.get("deps");
    const [slice] = await db
      .select({ studyId: slices.studyId })
      .from(slices)
      .where(eq(slices.id, sliceId));
    const notFound = new ApiError(404, "slice_not_found", `slice ${sliceId} does not exist`);
    if (!slice) throw notFound;
    // raters reach images only through their tasks, so a rater is told the slice does not exist
    await requireStudyRole(db, c.get("user"), slice.studyId, ["coordinator", "researcher"]).catch(
      (error: unknown) => {
        throw error instanceof ApiError ? notFound : error;
      },
    );
    const png = await sliceImagePng({ db, blobs }, sliceId);
    return c.body(png as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "image/png",
      "cache-control": "private, max-age=3600",
    });
  });
  documentRoute(app, {
    method: "get",
    path: "/api/slices/:sliceId/image.png",
    tag: "slices",
    summary: "A slice as an 8-bit PNG, windowed with its display window (for review and overlays)",
    access: "coordinator or researcher of the slice's study",
    params: paramsSchema,
    responses: {
      200: { description: "the PNG", contentType: "image/png" },
      404: { description: "no such slice visible to you" },
    },
  });
}
