/** Slices ready for the network, packed so that a batch is a subarray. */
export interface SampleSet {
  /** Side of the square slices. */
  size: number;
  classes: number;
  count: number;
  /** count × size × size inputs. */
  images: Float32Array;
  /** count × size × size × classes target probabilities. */
  targets: Float32Array;
}

/** Packs equally sized samples into one SampleSet, checking every size on the way. */
export function packSamples(
  samples: readonly { image: Float32Array; target: Float32Array }[],
  size: number,
  classes: number,
): SampleSet {
  const plane = size * size;
  const images = new Float32Array(samples.length * plane);
  const targets = new Float32Array(samples.length * plane * classes);
  for (const [i, s] of samples.entries()) {
    if (s.image.length !== plane || s.target.length !== plane * classes) {
      throw new RangeError(
        `packSamples: sample ${i} has ${s.image.length} pixels and ${s.target.length} target values, ` +
          `expected ${plane} and ${plane * classes}.`,
      );
    }
    images.set(s.image, i * plane);
    targets.set(s.target, i * plane * classes);
  }
  return { size, classes, count: samples.length, images, targets };
}
