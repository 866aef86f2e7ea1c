import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { ApiError } from "../api-error.ts";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { importUpload } from "../studies/import-upload.ts";
import { studyRole } from "../studies/study-role.ts";
import { validate } from "../validate.ts";

const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

const file = z.instanceof(File, { message: "expected a file" });
// a field sent once arrives as a value, sent several times as a list
const files = z
  .union([file, z.array(file)])
  .transform((value) => (Array.isArray(value) ? value : [value]));
const common = {
  name: z.string().trim().min(1).max(200),
  patientId: z.string().max(200).optional(),
  phase: z.string().max(20).optional(),
};

const formSchema = z.discriminatedUnion("format", [
  z.object({
    format: z.literal("nifti"),
    ...common,
    image: file,
    labels: file.optional(),
    // the shared ACDC copy reset pixdim to 1; "false" stores the spacing as unknown
    spacingKnown: z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
  }),
  z.object({ format: z.literal("png"), ...common, images: files, labels: files.optional() }),
]);

export function registerUploadVolume(app: App): void {
  app.post(
    "/api/studies/:studyId/volumes",
    studyRole(["coordinator"]),
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES,
      onError: () => {
        throw new ApiError(
          413,
          "payload_too_large",
          `uploads are limited to ${MAX_UPLOAD_BYTES} bytes`,
        );
      },
    }),
    validate("form", formSchema),
    async (c) => {
      const { study } = c.get("studyAccess");
      const { db, blobs } = c.get("deps");
      const stored = await importUpload({ db, blobs }, study.id, c.req.valid("form"));
      return c.json({ volume: { id: stored.volumeId, sliceIds: stored.sliceIds } }, 201);
    },
  );
  documentRoute(app, {
    method: "post",
    path: "/api/studies/{studyId}/volumes",
    tag: "images",
    summary:
      "Upload a NIfTI volume (image, optional label volume) or a PNG stack (images and optional label PNGs, in slice order) with reference labels",
    description:
      "multipart/form-data. Everything is parsed before anything is stored; a truncated file, a " +
      "non-image, labels of the wrong size or with classes the study lacks are refused with a " +
      "422 saying what is wrong, and the study is left as it was.",
    access: "coordinator of the study",
    body: formSchema,
    bodyType: "multipart",
    responses: {
      201: { description: "the new volume and its slice ids in slice order" },
      409: { description: "the study already has a volume of that name" },
      422: { description: "the file is not a valid image or does not fit the study" },
    },
  });
}
