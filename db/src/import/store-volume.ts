import { randomUUID } from "node:crypto";
import { autoWindow, encodeRle } from "@crowdseg/imaging";
import { eq } from "drizzle-orm";
import { referenceLabels, slices, studies, volumes } from "../schema/index.ts";
import type { Storage } from "../storage.ts";
import { ImportError } from "./import-error.ts";
import { sliceImageBytes } from "./slice-image-codec.ts";

export interface VolumeToStore {
  studyId: number;
  name: string;
  patientId?: string | null;
  phase?: string | null;
  width: number;
  height: number;
  depth: number;
  /** x fastest, then y, then slice */
  image: Float32Array;
  /** reference label volume in the same layout, or none */
  labels?: Uint8Array | null;
  spacing: [number, number, number] | null;
  format: "nifti" | "png" | "phantom";
  sourceDatatype: string;
}

export interface StoredVolume {
  volumeId: number;
  sliceIds: number[];
}

/**
 * The one way images enter a study, whatever their source: blobs first, then every row in one
 * transaction. If anything fails the rows roll back and the blobs are removed, so a failed upload
 * leaves the study as it was.
 */
export async function storeVolume(storage: Storage, volume: VolumeToStore): Promise<StoredVolume> {
  const sliceSize = volume.width * volume.height;
  if (volume.image.length !== sliceSize * volume.depth) {
    throw new ImportError(
      "size_mismatch",
      `volume "${volume.name}" is ${volume.width}×${volume.height}×${volume.depth} but has ${volume.image.length} intensities`,
    );
  }
  if (volume.labels && volume.labels.length !== volume.image.length) {
    throw new ImportError(
      "size_mismatch",
      `label volume of "${volume.name}" has ${volume.labels.length} voxels, the image ${volume.image.length}`,
    );
  }
  const [study] = await storage.db.select().from(studies).where(eq(studies.id, volume.studyId));
  if (!study) throw new ImportError("study_not_found", `study ${volume.studyId} does not exist`);
  if (volume.labels) assertClassesInRange(volume.labels, study.classes.length, volume.name);

  // one window for the whole volume keeps brightness consistent from slice to slice
  const window = autoWindow(volume.image);
  const prefix = `images/${randomUUID()}`;
  const keys: string[] = [];
  try {
    for (let z = 0; z < volume.depth; z++) {
      const key = `${prefix}/${z}.f32`;
      await storage.blobs.put(
        key,
        sliceImageBytes(volume.image.subarray(z * sliceSize, (z + 1) * sliceSize)),
      );
      keys.push(key);
    }
    return await storage.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(volumes)
        .values({
          studyId: volume.studyId,
          name: volume.name,
          patientId: volume.patientId ?? null,
          phase: volume.phase ?? null,
          width: volume.width,
          height: volume.height,
          depth: volume.depth,
          spacing: volume.spacing,
          format: volume.format,
          sourceDatatype: volume.sourceDatatype,
        })
        .onConflictDoNothing()
        .returning({ id: volumes.id });
      if (!row) {
        throw new ImportError(
          "duplicate_volume",
          `study ${volume.studyId} already has a volume named "${volume.name}"`,
        );
      }
      const sliceRows = await tx
        .insert(slices)
        .values(
          keys.map((imageKey, z) => ({
            studyId: volume.studyId,
            volumeId: row.id,
            indexInVolume: z,
            width: volume.width,
            height: volume.height,
            imageKey,
            window,
          })),
        )
        .returning({ id: slices.id, indexInVolume: slices.indexInVolume });
      sliceRows.sort((a, b) => a.indexInVolume - b.indexInVolume);
      const labels = volume.labels;
      if (labels) {
        await tx.insert(referenceLabels).values(
          sliceRows.map((slice, z) => ({
            sliceId: slice.id,
            studyId: volume.studyId,
            labels: encodeRle(
              labels.subarray(z * sliceSize, (z + 1) * sliceSize),
              volume.width,
              volume.height,
            ),
          })),
        );
      }
      return { volumeId: row.id, sliceIds: sliceRows.map((slice) => slice.id) };
    });
  } catch (error) {
    await Promise.all(keys.map((key) => storage.blobs.delete(key)));
    throw error;
  }
}

function assertClassesInRange(labels: Uint8Array, numClasses: number, name: string): void {
  let max = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]! > max) max = labels[i]!;
  if (max >= numClasses) {
    throw new ImportError(
      "class_out_of_range",
      `label volume of "${name}" contains class ${max}, but the study has classes 0..${numClasses - 1}`,
    );
  }
}
