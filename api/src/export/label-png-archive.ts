import { decodeRle, encodePng8 } from "@crowdseg/imaging";
import { volumeFolder } from "./export-file-names.ts";
import type { StudyExport } from "./load-study-export.ts";
import { type ZipEntry, zipArchive } from "./zip-archive.ts";

/**
 * One 8-bit grey PNG per annotation whose pixel values are the class indices (0, 1, 2, … — not
 * scaled for viewing), at `labels/<volume>/slice-<index>/rater-<id>.png`, and `manifest.json`:
 * the JSON export without the RLE label maps.
 */
export function labelPngArchive(data: StudyExport): Uint8Array {
  const numClasses = data.study.classes.length;
  const slices = new Map(data.slices.map((slice) => [slice.id, slice]));
  const volumes = new Map(data.volumes.map((volume) => [volume.id, volume]));
  const entries: ZipEntry[] = [manifestEntry(data)];
  for (const annotation of data.annotations) {
    const slice = slices.get(annotation.sliceId)!;
    const labels = decodeRle(annotation.labels, {
      numClasses,
      width: slice.width,
      height: slice.height,
    });
    const folder = volumeFolder(volumes.get(slice.volumeId)!);
    entries.push({
      name: `labels/${folder}/slice-${slice.indexInVolume}/rater-${annotation.userId}.png`,
      data: encodePng8(labels, slice.width, slice.height),
      compress: false,
    });
  }
  return zipArchive(entries);
}

export function manifestEntry(data: StudyExport): ZipEntry {
  const { annotations, references, ...rest } = data;
  const manifest = {
    ...rest,
    annotations: annotations.map(({ labels: _labels, ...annotation }) => annotation),
  };
  return { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest, null, 2)) };
}
