import { decodeRle, writeNifti } from "@crowdseg/imaging";
import { volumeFolder } from "./export-file-names.ts";
import { manifestEntry } from "./label-png-archive.ts";
import type { StudyExport } from "./load-study-export.ts";
import { type ZipEntry, zipArchive } from "./zip-archive.ts";

/** Voxel value of the slices a rater did not label, out of range of any class. */
export const UNLABELLED = 255;

/**
 * One uint8 NIfTI label volume per (volume, rater) who labelled any of its slices, at
 * `labels/<volume>/rater-<id>.nii.gz`, with the volume's spacing; slices that rater did not label
 * hold 255. Plus `manifest.json`.
 */
export function labelNiftiArchive(data: StudyExport): Uint8Array {
  const numClasses = data.study.classes.length;
  const slices = new Map(data.slices.map((slice) => [slice.id, slice]));
  const byVolumeAndRater = new Map<
    string,
    { volumeId: number; userId: number; labels: Uint8Array }
  >();
  const volumes = new Map(data.volumes.map((volume) => [volume.id, volume]));
  for (const annotation of data.annotations) {
    const slice = slices.get(annotation.sliceId)!;
    const volume = volumes.get(slice.volumeId)!;
    const key = `${volume.id}/${annotation.userId}`;
    let target = byVolumeAndRater.get(key);
    if (!target) {
      const labels = new Uint8Array(volume.width * volume.height * volume.depth).fill(UNLABELLED);
      target = { volumeId: volume.id, userId: annotation.userId, labels };
      byVolumeAndRater.set(key, target);
    }
    const map = decodeRle(annotation.labels, {
      numClasses,
      width: volume.width,
      height: volume.height,
    });
    target.labels.set(map, slice.indexInVolume * volume.width * volume.height);
  }
  const entries: ZipEntry[] = [manifestEntry(data)];
  for (const target of byVolumeAndRater.values()) {
    const volume = volumes.get(target.volumeId)!;
    const nifti = writeNifti(
      {
        width: volume.width,
        height: volume.height,
        depth: volume.depth,
        data: target.labels,
        ...(volume.spacing ? { spacing: volume.spacing } : {}),
      },
      { gzip: true, description: `CrowdSeg labels, rater ${target.userId}; 255 = not labelled` },
    );
    entries.push({
      name: `labels/${volumeFolder(volume)}/rater-${target.userId}.nii.gz`,
      data: nifti,
      compress: false,
    });
  }
  return zipArchive(entries);
}
