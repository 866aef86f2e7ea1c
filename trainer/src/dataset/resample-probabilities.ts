import { type PlaneSize, resampleBilinear } from "./resample-bilinear.ts";

/** Class-major one-hot planes (C × N) of a hard label map. */
export function oneHotPlanes(labels: Uint8Array, classes: number): Float32Array {
  if (!Number.isInteger(classes) || classes < 2) {
    throw new RangeError(`oneHotPlanes: classes must be an integer >= 2, got ${classes}.`);
  }
  const n = labels.length;
  const planes = new Float32Array(classes * n);
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    if (label >= classes) {
      throw new RangeError(
        `oneHotPlanes: pixel ${i} has label ${label}, but there are ${classes} classes.`,
      );
    }
    planes[label * n + i] = 1;
  }
  return planes;
}

/**
 * Resamples class-major probabilities (C × width × height) to another size, treating them as
 * probabilities rather than picking the nearest class: a pixel of the smaller map that covers a
 * boundary gets the share of each class it covers, so the training target keeps the partial
 * volume that nearest-neighbour resampling would round to one side. Sums are renormalised to 1
 * against float rounding.
 */
export function resampleProbabilities(
  probabilities: Float32Array,
  from: { classes: number; width: number; height: number },
  to: PlaneSize,
): Float32Array {
  const out = resampleBilinear(
    probabilities,
    { channels: from.classes, width: from.width, height: from.height },
    to,
  );
  const n = to.width * to.height;
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let k = 0; k < from.classes; k++) total += out[k * n + i]!;
    if (total <= 0) {
      throw new RangeError(`resampleProbabilities: pixel ${i} has no probability mass.`);
    }
    for (let k = 0; k < from.classes; k++) out[k * n + i]! /= total;
  }
  return out;
}
