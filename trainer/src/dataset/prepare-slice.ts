import { normalizeIntensity } from "./normalize-intensity.ts";
import { resampleBilinear } from "./resample-bilinear.ts";
import { resampleProbabilities } from "./resample-probabilities.ts";

/**
 * Slices go into the network as size × size squares whatever their shape, stretched rather than
 * padded (as SSL4MIS does for ACDC), so a prediction maps back to the slice by the inverse
 * resampling alone.
 */
export interface SliceGrid {
  width: number;
  height: number;
}

/** The network's input for one slice: resampled to size × size, then normalised per slice. */
export function prepareSliceImage(
  image: Float32Array,
  grid: SliceGrid,
  size: number,
): Float32Array {
  const resampled = resampleBilinear(
    image,
    { channels: 1, width: grid.width, height: grid.height },
    { width: size, height: size },
  );
  return normalizeIntensity(resampled);
}

/**
 * The training target of one slice: class-major probabilities in (hard labels one-hot, soft
 * labels as they are), resampled as probabilities to size × size, out pixel-major (H × W × C),
 * the layout of the network's output.
 */
export function prepareSliceTarget(
  probabilities: Float32Array,
  grid: SliceGrid & { classes: number },
  size: number,
): Float32Array {
  const planes = resampleProbabilities(probabilities, grid, { width: size, height: size });
  return pixelMajor(planes, grid.classes);
}

/** C × N class-major planes to N × C, and back with `classMajor`. */
export function pixelMajor(planes: Float32Array, classes: number): Float32Array {
  const n = planes.length / classes;
  const out = new Float32Array(planes.length);
  for (let k = 0; k < classes; k++) {
    for (let i = 0; i < n; i++) out[i * classes + k] = planes[k * n + i]!;
  }
  return out;
}

export function classMajor(pixels: Float32Array, classes: number): Float32Array {
  const n = pixels.length / classes;
  const out = new Float32Array(pixels.length);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < classes; k++) out[k * n + i] = pixels[i * classes + k]!;
  }
  return out;
}
