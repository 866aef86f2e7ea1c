import type { RandomStream } from "../training/random-stream.ts";

export interface AugmentOptions {
  /** Mirror left–right and top–bottom, each with probability 1/2. Default true. */
  flips?: boolean;
  /** Rotation drawn uniformly from ±this many degrees. Default 15. */
  maxRotationDegrees?: number;
  /** Intensity multiplied by a factor drawn from 1 ± this. Default 0.1. */
  intensityScale?: number;
  /** Intensity shifted by a value drawn from ± this (in SDs, as images are normalised). Default 0.1. */
  intensityShift?: number;
}

/** One training sample at the network's size: image size², target size² × classes (pixel-major). */
export interface Sample {
  image: Float32Array;
  target: Float32Array;
}

/**
 * A random flip, small rotation and intensity change of one sample, the same geometry applied to
 * image and target. Targets are sampled bilinearly like the image, so a rotated boundary becomes
 * a soft boundary instead of a jagged one, and every pixel stays a probability distribution.
 * Outside the slice the nearest edge pixel is repeated (background, in practice).
 *
 * Draws exactly five numbers from `random` whatever the options, so switching one augmentation
 * off does not change the draws of the others or of the shuffles that follow.
 */
export function augmentSample(
  sample: Sample,
  size: number,
  classes: number,
  random: RandomStream,
  options: AugmentOptions = {},
): Sample {
  const flips = options.flips ?? true;
  const maxDegrees = options.maxRotationDegrees ?? 15;
  const scaleRange = options.intensityScale ?? 0.1;
  const shiftRange = options.intensityShift ?? 0.1;
  for (const [name, value] of [
    ["maxRotationDegrees", maxDegrees],
    ["intensityScale", scaleRange],
    ["intensityShift", shiftRange],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`augmentSample: ${name} must be >= 0, got ${value}.`);
    }
  }
  if (sample.image.length !== size * size || sample.target.length !== size * size * classes) {
    throw new RangeError(
      `augmentSample: a ${size}×${size} sample with ${classes} classes needs ${size * size} image ` +
        `and ${size * size * classes} target values, got ${sample.image.length} and ${sample.target.length}.`,
    );
  }
  const flipX = random.next() < 0.5 && flips;
  const flipY = random.next() < 0.5 && flips;
  const angle = (random.uniform(-1, 1) * maxDegrees * Math.PI) / 180;
  const gain = 1 + random.uniform(-1, 1) * scaleRange;
  const offset = random.uniform(-1, 1) * shiftRange;

  const image = new Float32Array(size * size);
  const target = new Float32Array(size * size * classes);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Inverse map: where in the source this output pixel comes from.
      const dx = x - centre;
      const dy = y - centre;
      let sx = cos * dx + sin * dy + centre;
      let sy = -sin * dx + cos * dy + centre;
      if (flipX) sx = size - 1 - sx;
      if (flipY) sy = size - 1 - sy;
      sx = Math.min(size - 1, Math.max(0, sx));
      sy = Math.min(size - 1, Math.max(0, sy));
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(size - 1, x0 + 1);
      const y1 = Math.min(size - 1, y0 + 1);
      const fx = sx - x0;
      const fy = sy - y0;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      const i00 = y0 * size + x0;
      const i10 = y0 * size + x1;
      const i01 = y1 * size + x0;
      const i11 = y1 * size + x1;
      const out = y * size + x;
      const src = sample.image;
      image[out] =
        (w00 * src[i00]! + w10 * src[i10]! + w01 * src[i01]! + w11 * src[i11]!) * gain + offset;
      for (let k = 0; k < classes; k++) {
        const t = sample.target;
        target[out * classes + k] =
          w00 * t[i00 * classes + k]! +
          w10 * t[i10 * classes + k]! +
          w01 * t[i01 * classes + k]! +
          w11 * t[i11 * classes + k]!;
      }
    }
  }
  return { image, target };
}
