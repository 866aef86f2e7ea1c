import { readNifti, readNiftiLabels } from "@crowdseg/imaging";
import type { Storage } from "../storage.ts";
import { ImportError } from "./import-error.ts";
import { type StoredVolume, storeVolume } from "./store-volume.ts";

export interface NiftiUpload {
  studyId: number;
  name: string;
  /** .nii or .nii.gz bytes */
  image: Uint8Array;
  /** optional reference label volume of the same size (.nii or .nii.gz, integer classes) */
  labels?: Uint8Array | null;
  patientId?: string | null;
  phase?: string | null;
  /**
   * Whether the file's pixdim is the real voxel size. Some preprocessed sets (the shared ACDC copy)
   * reset it to 1; then clinical volumes must be reported in voxels, so the spacing is stored as unknown.
   */
  spacingKnown?: boolean;
}

/** Parses everything before storing anything, so a malformed file changes nothing. */
export async function importNiftiVolume(
  storage: Storage,
  upload: NiftiUpload,
): Promise<StoredVolume> {
  const image = readNifti(upload.image);
  const labels = upload.labels ? readNiftiLabels(upload.labels) : null;
  if (
    labels &&
    (labels.width !== image.width || labels.height !== image.height || labels.depth !== image.depth)
  ) {
    throw new ImportError(
      "size_mismatch",
      `label volume is ${labels.width}×${labels.height}×${labels.depth}, ` +
        `but image "${upload.name}" is ${image.width}×${image.height}×${image.depth}`,
    );
  }
  return storeVolume(storage, {
    studyId: upload.studyId,
    name: upload.name,
    patientId: upload.patientId ?? null,
    phase: upload.phase ?? null,
    width: image.width,
    height: image.height,
    depth: image.depth,
    image: image.data,
    labels: labels?.data ?? null,
    spacing: upload.spacingKnown === false ? null : image.spacing,
    format: "nifti",
    sourceDatatype: image.datatype,
  });
}
