import { type Database, decodeSoftLabel, slices, softLabels, volumes } from "@crowdseg/db";
import { writeNifti } from "@crowdseg/imaging";
import { and, asc, eq } from "drizzle-orm";
import { ApiError } from "../api-error.ts";

/**
 * One class's probabilities over a whole volume as NIfTI: uint8 with scl_slope 1/255, so readers
 * see 0..1. Slices nobody labelled (hence never fused) are 0 throughout.
 */
export async function exportSoftLabelVolume(
  db: Database,
  run: { id: number; studyId: number },
  volumeId: number,
  classIndex: number,
): Promise<Uint8Array> {
  const [volume] = await db
    .select()
    .from(volumes)
    .where(and(eq(volumes.id, volumeId), eq(volumes.studyId, run.studyId)));
  if (!volume)
    throw new ApiError(404, "volume_not_found", `volume ${volumeId} is not in the run's study`);
  const rows = await db
    .select({
      index: slices.indexInVolume,
      numClasses: softLabels.numClasses,
      probabilities: softLabels.probabilities,
    })
    .from(softLabels)
    .innerJoin(slices, eq(slices.id, softLabels.sliceId))
    .where(and(eq(softLabels.fusionRunId, run.id), eq(slices.volumeId, volumeId)))
    .orderBy(asc(slices.indexInVolume));
  const pixels = volume.width * volume.height;
  const data = new Uint8Array(pixels * volume.depth);
  for (const row of rows) {
    if (classIndex >= row.numClasses) {
      throw new ApiError(
        422,
        "class_out_of_range",
        `class ${classIndex} is not one of the run's ${row.numClasses} classes`,
      );
    }
    const p = decodeSoftLabel(row.probabilities, row.numClasses, pixels);
    const offset = row.index * pixels;
    for (let i = 0; i < pixels; i++)
      data[offset + i] = Math.round(p[classIndex * pixels + i]! * 255);
  }
  return writeNifti(
    {
      width: volume.width,
      height: volume.height,
      depth: volume.depth,
      data,
      spacing: volume.spacing ?? undefined,
    },
    {
      gzip: true,
      sclSlope: 1 / 255,
      sclInter: 0,
      description: `fusion run ${run.id} class ${classIndex}`,
    },
  );
}
