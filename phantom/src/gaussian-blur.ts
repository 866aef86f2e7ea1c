/** Normalised 1D Gaussian taps over [-radius, radius], radius = ceil(3 sigma). */
export function gaussianKernel(sigma: number): Float64Array {
  if (!(Number.isFinite(sigma) && sigma > 0)) {
    throw new RangeError(`gaussianKernel: sigma must be a positive number, got ${sigma}`);
  }
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const taps = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    const w = Math.exp((-0.5 * i * i) / (sigma * sigma));
    taps[i + radius] = w;
    sum += w;
  }
  for (let i = 0; i < taps.length; i++) taps[i]! /= sum;
  return taps;
}

/**
 * Separable Gaussian blur of a row-major 2D image (width fastest). Edges repeat the border pixel,
 * so a flat image stays flat. sigma 0 returns a copy.
 */
export function gaussianBlur(
  image: Float32Array,
  width: number,
  height: number,
  sigma: number,
): Float32Array {
  if (image.length !== width * height) {
    throw new RangeError(
      `gaussianBlur: image has ${image.length} pixels, expected ${width * height}`,
    );
  }
  if (!(Number.isFinite(sigma) && sigma >= 0)) {
    throw new RangeError(`gaussianBlur: sigma must be >= 0, got ${sigma}`);
  }
  if (sigma === 0) return image.slice();
  const taps = gaussianKernel(sigma);
  const radius = (taps.length - 1) / 2;
  const out = new Float32Array(image.length);
  // Each line is copied with `radius` repeated border pixels on both sides, so the inner loop
  // needs no bounds checks.
  const padded = new Float64Array(Math.max(width, height) + 2 * radius);
  const rows = new Float32Array(image.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) padded[x + radius] = image[y * width + x]!;
    convolvePadded(padded, width, taps, radius, rows, y * width, 1);
  }
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) padded[y + radius] = rows[y * width + x]!;
    convolvePadded(padded, height, taps, radius, out, x, width);
  }
  return out;
}

function convolvePadded(
  padded: Float64Array,
  n: number,
  taps: Float64Array,
  radius: number,
  out: Float32Array,
  start: number,
  stride: number,
): void {
  const first = padded[radius]!;
  const last = padded[radius + n - 1]!;
  for (let i = 0; i < radius; i++) {
    padded[i] = first;
    padded[radius + n + i] = last;
  }
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let t = 0; t < taps.length; t++) acc += taps[t]! * padded[i + t]!;
    out[start + i * stride] = acc;
  }
}
