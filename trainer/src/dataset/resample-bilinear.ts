/** Channel-major planes: `channels` planes of width × height, x fastest. */
export interface PlaneGrid {
  channels: number;
  width: number;
  height: number;
}

export interface PlaneSize {
  width: number;
  height: number;
}

/**
 * Separable bilinear resampling with half-pixel centres and edges clamped, widened to a
 * triangle filter as wide as the scale when shrinking (what PIL's BILINEAR does). Plain
 * bilinear taps only 2×2 pixels: shrinking 256 → 64 would then skip three rows in four and
 * lose thin structures such as the myocardium. Each output is a convex combination of inputs,
 * so probability maps stay probabilities.
 */
export function resampleBilinear(
  planes: Float32Array,
  from: PlaneGrid,
  to: PlaneSize,
): Float32Array {
  const { channels, width, height } = from;
  for (const [name, value] of [
    ["channels", channels],
    ["width", width],
    ["height", height],
    ["target width", to.width],
    ["target height", to.height],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`resampleBilinear: ${name} must be a positive integer, got ${value}.`);
    }
  }
  if (planes.length !== channels * width * height) {
    throw new RangeError(
      `resampleBilinear: ${planes.length} values do not fill ${channels} planes of ${width}×${height}.`,
    );
  }
  if (width === to.width && height === to.height) return planes.slice();
  const across = axisTaps(width, to.width);
  const down = axisTaps(height, to.height);
  const out = new Float32Array(channels * to.width * to.height);
  const rows = new Float64Array(height * to.width);
  for (let c = 0; c < channels; c++) {
    const plane = c * width * height;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < to.width; x++) {
        rows[y * to.width + x] = weightedSum(planes, plane + y * width, 1, across, x);
      }
    }
    const outPlane = c * to.width * to.height;
    for (let y = 0; y < to.height; y++) {
      for (let x = 0; x < to.width; x++) {
        out[outPlane + y * to.width + x] = weightedSum(rows, x, to.width, down, y);
      }
    }
  }
  return out;
}

interface AxisTaps {
  first: Int32Array;
  count: Int32Array;
  /** `maxTaps` weights per output position, normalised to sum 1. */
  weights: Float64Array;
  maxTaps: number;
}

function axisTaps(inSize: number, outSize: number): AxisTaps {
  const scale = inSize / outSize;
  const widen = Math.max(scale, 1);
  const maxTaps = Math.ceil(widen) * 2 + 1;
  const first = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Float64Array(outSize * maxTaps);
  for (let o = 0; o < outSize; o++) {
    const centre = (o + 0.5) * scale;
    const lo = Math.max(0, Math.floor(centre - widen));
    const hi = Math.min(inSize, Math.ceil(centre + widen));
    let total = 0;
    let n = 0;
    for (let i = lo; i < hi && n < maxTaps; i++, n++) {
      const w = Math.max(0, 1 - Math.abs((i + 0.5 - centre) / widen));
      weights[o * maxTaps + n] = w;
      total += w;
    }
    for (let k = 0; k < n; k++) weights[o * maxTaps + k]! /= total;
    first[o] = lo;
    count[o] = n;
  }
  return { first, count, weights, maxTaps };
}

function weightedSum(
  source: Float32Array | Float64Array,
  offset: number,
  stride: number,
  taps: AxisTaps,
  o: number,
): number {
  let sum = 0;
  const base = o * taps.maxTaps;
  const start = offset + taps.first[o]! * stride;
  for (let k = 0; k < taps.count[o]!; k++) {
    sum += taps.weights[base + k]! * source[start + k * stride]!;
  }
  return sum;
}
