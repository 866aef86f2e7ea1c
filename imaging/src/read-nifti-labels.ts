import { ImagingError } from "./imaging-error.ts";
import { type NiftiVolume, type ReadNiftiOptions, readNifti } from "./read-nifti.ts";

/** A NIfTI label volume: one class index per voxel, file order (x fastest, then y, then z). */
export interface NiftiLabelVolume extends Omit<NiftiVolume, "data"> {
  data: Uint8Array;
}

/**
 * Reads a segmentation stored as NIfTI. Whatever the stored type, every voxel (after
 * scl_slope/scl_inter) must be a whole number in 0..255, so that a probability map or an
 * intensity image uploaded by mistake is refused instead of silently truncated.
 */
export function readNiftiLabels(
  bytes: Uint8Array,
  options: ReadNiftiOptions = {},
): NiftiLabelVolume {
  const volume = readNifti(bytes, options);
  const values = volume.data;
  const labels = new Uint8Array(values.length);
  let firstBad = -1;
  let badCount = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isInteger(value) && value >= 0 && value <= 255) {
      labels[i] = value;
    } else {
      if (firstBad === -1) firstBad = i;
      badCount++;
    }
  }
  if (firstBad !== -1) {
    const plane = volume.width * volume.height;
    const x = firstBad % volume.width;
    const y = Math.floor((firstBad % plane) / volume.width);
    const z = Math.floor(firstBad / plane);
    throw new ImagingError(
      "labels_invalid",
      `label volume has ${badCount} voxel(s) that are not whole numbers in 0..255, ` +
        `the first at (x ${x}, y ${y}, z ${z}) with value ${values[firstBad]}; ` +
        "is this an image or a probability map rather than a label map?",
    );
  }
  const { data: _intensities, ...header } = volume;
  return { ...header, data: labels };
}
