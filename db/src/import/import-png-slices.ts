import { decodeLabelPng, decodePng } from "@crowdseg/imaging";
import type { Storage } from "../storage.ts";
import { ImportError } from "./import-error.ts";
import { type StoredVolume, storeVolume } from "./store-volume.ts";

export interface PngUpload {
  studyId: number;
  name: string;
  /** one PNG per slice, in slice order */
  images: Uint8Array[];
  /** optional label PNGs (class index per pixel), one per image */
  labels?: Uint8Array[] | null;
  patientId?: string | null;
  phase?: string | null;
}

/** A stack of 2D PNGs becomes one volume; every image (and label map) must share one size. */
export async function importPngSlices(storage: Storage, upload: PngUpload): Promise<StoredVolume> {
  if (upload.images.length === 0) {
    throw new ImportError("empty_upload", `volume "${upload.name}" has no PNG images`);
  }
  if (upload.labels && upload.labels.length !== upload.images.length) {
    throw new ImportError(
      "size_mismatch",
      `${upload.labels.length} label PNGs for ${upload.images.length} images in "${upload.name}"`,
    );
  }
  const decoded = upload.images.map((bytes) => decodePng(bytes));
  const first = decoded[0]!;
  const { width, height } = first;
  decoded.forEach((png, index) => {
    if (png.width !== width || png.height !== height) {
      throw new ImportError(
        "size_mismatch",
        `image ${index + 1} of "${upload.name}" is ${png.width}×${png.height}, image 1 is ${width}×${height}`,
      );
    }
  });
  const labelMaps = upload.labels?.map((bytes, index) => {
    const label = decodeLabelPng(bytes);
    if (label.width !== width || label.height !== height) {
      throw new ImportError(
        "size_mismatch",
        `label PNG ${index + 1} of "${upload.name}" is ${label.width}×${label.height}, the images ${width}×${height}`,
      );
    }
    return label.labels;
  });
  const image = stack(
    decoded.map((png) => png.gray),
    new Float32Array(width * height * decoded.length),
  );
  const labels = labelMaps
    ? stack(labelMaps, new Uint8Array(width * height * labelMaps.length))
    : null;
  return storeVolume(storage, {
    studyId: upload.studyId,
    name: upload.name,
    patientId: upload.patientId ?? null,
    phase: upload.phase ?? null,
    width,
    height,
    depth: decoded.length,
    image,
    labels,
    spacing: null,
    format: "png",
    sourceDatatype: `png${first.bitDepth}-${first.colorType}`,
  });
}

function stack<T extends Float32Array | Uint8Array>(planes: T[], into: T): T {
  let offset = 0;
  for (const plane of planes) {
    into.set(plane, offset);
    offset += plane.length;
  }
  return into;
}
