/**
 * Zero mean, unit variance over one slice. Per slice rather than per volume because scanners,
 * coils and the bias field change brightness across a stack; a flat slice (SD 0) is only
 * centred, since dividing would blow noise up to unit variance.
 */
export function normalizeIntensity(image: Float32Array): Float32Array {
  if (image.length === 0) throw new RangeError("normalizeIntensity: the image is empty.");
  let sum = 0;
  for (const v of image) {
    if (!Number.isFinite(v))
      throw new RangeError("normalizeIntensity: the image has non-finite values.");
    sum += v;
  }
  const mean = sum / image.length;
  let squares = 0;
  for (const v of image) squares += (v - mean) ** 2;
  const sd = Math.sqrt(squares / image.length);
  const scale = sd > 1e-8 ? 1 / sd : 1;
  const out = new Float32Array(image.length);
  for (let i = 0; i < image.length; i++) out[i] = (image[i]! - mean) * scale;
  return out;
}
