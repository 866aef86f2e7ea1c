import { z } from "zod";
import type { App } from "../create-app.ts";
import { labelNiftiArchive } from "../export/label-nifti-archive.ts";
import { labelPngArchive } from "../export/label-png-archive.ts";
import { loadStudyExport } from "../export/load-study-export.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { studyRole } from "../studies/study-role.ts";
import { validate } from "../validate.ts";

const querySchema = z.object({
  format: z.enum(["json", "png", "nifti"]).default("json"),
  /** add the expert reference label maps (RLE) to the JSON export */
  reference: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

export function registerExportStudy(app: App): void {
  app.get(
    "/api/studies/:studyId/export",
    studyRole(["coordinator", "researcher"]),
    validate("query", querySchema),
    async (c) => {
      const { format, reference } = c.req.valid("query");
      const { study } = c.get("studyAccess");
      const data = await loadStudyExport(c.get("deps").db, study, { includeReference: reference });
      if (format === "json") {
        c.header("content-disposition", `attachment; filename="study-${study.id}.json"`);
        return c.json(data);
      }
      const archive = format === "png" ? labelPngArchive(data) : labelNiftiArchive(data);
      return c.body(archive as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="study-${study.id}-${format}.zip"`,
      });
    },
  );
  documentRoute(app, {
    method: "get",
    path: "/api/studies/{studyId}/export",
    tag: "studies",
    summary:
      "Export the annotations: JSON with RLE label maps, or a zip of PNG label maps or NIfTI label volumes",
    description:
      "json: study, volumes, slices (with gold flag), raters and every annotation with its RLE " +
      "label map; `reference=true` adds the expert reference maps. png: a zip with one 8-bit PNG " +
      "per annotation whose values are class indices, at labels/<volume>/slice-<i>/rater-<id>.png. " +
      "nifti: a zip with one uint8 .nii.gz per volume and rater (255 where that rater did not " +
      "label the slice). Both zips carry manifest.json (the JSON without label maps).",
    access: "coordinator or researcher of the study",
    query: querySchema,
    responses: {
      200: { description: "the export", contentType: "application/json or application/zip" },
    },
  });
}
