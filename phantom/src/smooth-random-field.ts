import { gaussianKernel } from "./gaussian-blur.ts";
import type { SeededRandom } from "./seeded-random.ts";

/**
 * A stationary, zero-mean, unit-variance Gaussian random field: white noise smoothed by a Gaussian
 * of `correlationPx`. Used as a boundary displacement (in pixels, after scaling), so a rater's
 * contour wanders smoothly instead of flickering pixel by pixel.
 *
 * Wide correlations are computed on a grid coarser by about correlationPx/2 and bilinearly
 * interpolated: the field is already smooth over a coarse cell, and this keeps a 256x256 field
 * at a few hundred thousand operations whatever the correlation length. The noise is padded
 * past the borders so the variance does not sag at the edges.
 */
export function smoothRandomField(
  width: number,
  height: number,
  correlationPx: number,
  rng: SeededRandom,
): Float32Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`smoothRandomField: bad size ${width}x${height}`);
  }
  if (!(Number.isFinite(correlationPx) && correlationPx > 0)) {
    throw new RangeError(`smoothRandomField: correlationPx must be > 0, got ${correlationPx}`);
  }
  const step = Math.max(1, Math.floor(correlationPx / 2));
  const taps = gaussianKernel(correlationPx / step);
  const radius = (taps.length - 1) / 2;
  let sumSquares = 0;
  for (const w of taps) sumSquares += w * w;
  // Smoothing white noise by separable taps w scales its variance by (sum w^2)^2.
  const gain = 1 / sumSquares;

  // Coarse nodes 0..cw-1 cover the image; +1 so bilinear interpolation has a right/bottom node.
  const cw = Math.ceil((width - 1) / step) + 2;
  const ch = Math.ceil((height - 1) / step) + 2;
  const pw = cw + 2 * radius;
  const ph = ch + 2 * radius;
  const noise = new Float32Array(pw * ph);
  for (let i = 0; i < noise.length; i++) noise[i] = rng.normal();

  const rows = new Float32Array(cw * ph);
  for (let y = 0; y < ph; y++) {
    for (let x = 0; x < cw; x++) {
      let acc = 0;
      for (let t = 0; t < taps.length; t++) acc += taps[t]! * noise[y * pw + x + t]!;
      rows[y * cw + x] = acc;
    }
  }
  const coarse = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      let acc = 0;
      for (let t = 0; t < taps.length; t++) acc += taps[t]! * rows[(y + t) * cw + x]!;
      coarse[y * cw + x] = acc * gain;
    }
  }
  if (step === 1) {
    const out = new Float32Array(width * height);
    for (let y = 0; y < height; y++) out.set(coarse.subarray(y * cw, y * cw + width), y * width);
    return out;
  }

  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const gy = y / step;
    const y0 = Math.floor(gy);
    const fy = gy - y0;
    for (let x = 0; x < width; x++) {
      const gx = x / step;
      const x0 = Math.floor(gx);
      const fx = gx - x0;
      const i = y0 * cw + x0;
      const top = coarse[i]! + fx * (coarse[i + 1]! - coarse[i]!);
      const bottom = coarse[i + cw]! + fx * (coarse[i + cw + 1]! - coarse[i + cw]!);
      out[y * width + x] = top + fy * (bottom - top);
    }
  }
  return out;
}
