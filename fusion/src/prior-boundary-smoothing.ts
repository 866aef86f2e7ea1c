import { FusionError } from "./fusion-error.ts";
import { priorShape } from "./prior-shape.ts";
import type { VolumeShape } from "./volume-shape.ts";

export interface BoundarySmoothingOptions {
  numClasses: number;
  /** in-plane Gaussian standard deviation in pixels (default 0.7) */
  sigma?: number;
}

/**
 * Prior "anatomical boundaries are smooth", for any class set: crowd outlines are drawn as coarse
 * polygons or brush strokes whose single-pixel spurs no expert would draw. Each class's
 * probability map is blurred in-plane with a small Gaussian (edges mirrored) and renormalised per
 * pixel, so one-pixel spurs of the consensus disappear while structures wider than a few sigma
 * keep their outline. (At the default sigma a one-pixel notch is not filled: it is too weak a
 * signal against the pixels on either side of it.)
 */
export function priorBoundarySmoothing(
  probabilities: Float32Array,
  shape: VolumeShape,
  options: BoundarySmoothingOptions,
): Float32Array {
  const c = options.numClasses;
  const sigma = options.sigma ?? 0.7;
  if (!(sigma > 0 && sigma <= 20)) {
    throw new FusionError("BAD_OPTION", `sigma must be in (0, 20] pixels, got ${sigma}`);
  }
  const { width, height, depth, plane, voxels } = priorShape(probabilities, shape, c);
  const kernel = gaussianKernel(sigma);
  const out = new Float32Array(probabilities.length);
  const row = new Float64Array(plane);
  for (let k = 0; k < c; k++) {
    for (let z = 0; z < depth; z++) {
      const offset = k * voxels + z * plane;
      blurPlane(
        probabilities.subarray(offset, offset + plane),
        row,
        out.subarray(offset, offset + plane),
        width,
        height,
        kernel,
      );
    }
  }
  for (let i = 0; i < voxels; i++) {
    let total = 0;
    for (let k = 0; k < c; k++) total += out[k * voxels + i]!;
    // every input pixel summed to 1, so total > 0; guard anyway against all-zero input
    if (total > 0) for (let k = 0; k < c; k++) out[k * voxels + i] = out[k * voxels + i]! / total;
  }
  return out;
}

function gaussianKernel(sigma: number): Float64Array {
  const radius = Math.ceil(3 * sigma);
  const kernel = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
    sum += kernel[i + radius]!;
  }
  for (let i = 0; i < kernel.length; i++) kernel[i] = kernel[i]! / sum;
  return kernel;
}

function mirror(i: number, n: number): number {
  if (n === 1) return 0;
  let j = i;
  while (j < 0 || j >= n) j = j < 0 ? -j - 1 : 2 * n - j - 1;
  return j;
}

/** Separable blur: rows into `scratch`, then columns into `target`. */
function blurPlane(
  source: Float32Array,
  scratch: Float64Array,
  target: Float32Array,
  width: number,
  height: number,
  kernel: Float64Array,
): void {
  const radius = (kernel.length - 1) / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let t = -radius; t <= radius; t++)
        sum += kernel[t + radius]! * source[y * width + mirror(x + t, width)]!;
      scratch[y * width + x] = sum;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let t = -radius; t <= radius; t++)
        sum += kernel[t + radius]! * scratch[mirror(y + t, height) * width + x]!;
      target[y * width + x] = sum;
    }
  }
}
