import { importNiftiVolume, importPngSlices, type Storage } from "@crowdseg/db";

interface UploadCommon {
  name: string;
  patientId?: string | undefined;
  phase?: string | undefined;
}

export type VolumeUpload =
  | (UploadCommon & {
      format: "nifti";
      image: File;
      labels?: File | undefined;
      spacingKnown: boolean;
    })
  | (UploadCommon & { format: "png"; images: File[]; labels?: File[] | undefined });

/** Hands an uploaded NIfTI volume or PNG stack to the foundation's importer. */
export async function importUpload(storage: Storage, studyId: number, upload: VolumeUpload) {
  const common = {
    studyId,
    name: upload.name,
    patientId: upload.patientId ?? null,
    phase: upload.phase ?? null,
  };
  if (upload.format === "nifti") {
    return importNiftiVolume(storage, {
      ...common,
      image: await bytesOf(upload.image),
      labels: upload.labels ? await bytesOf(upload.labels) : null,
      spacingKnown: upload.spacingKnown,
    });
  }
  return importPngSlices(storage, {
    ...common,
    images: await Promise.all(upload.images.map(bytesOf)),
    labels: upload.labels ? await Promise.all(upload.labels.map(bytesOf)) : null,
  });
}

async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
