import { resolveShape, type VolumeShape } from "./volume-shape.ts";

/**
 * Exact Euclidean distance (in spacing units) from every voxel to the nearest nonzero voxel of
 * `features`, by Felzenszwalb & Huttenlocher's separable lower-envelope algorithm: linear in
 * the voxel count, so surface metrics stay cheap on whole volumes. With no feature voxel at all,
 * every distance is Infinity. `options.planar` treats each z-slice separately (2D distances).
 */
export function euclideanDistanceTransform(
  features: Uint8Array,
  shape: VolumeShape,
  options: { planar?: boolean } = {},
): Float64Array {
  const { width, height, depth, spacing } = resolveShape(shape, features.length);
  const d = new Float64Array(features.length);
  for (let i = 0; i < d.length; i++) d[i] = features[i] ? 0 : Number.POSITIVE_INFINITY;
  const longest = Math.max(width, height, depth);
  const line = new Float64Array(longest);
  const out = new Float64Array(longest);
  const v = new Int32Array(longest);
  const z = new Float64Array(longest + 1);
  const pass = (count: number, stride: number, starts: Iterable<number>, step: number) => {
    const w2 = step * step;
    for (const start of starts) {
      for (let k = 0; k < count; k++) line[k] = d[start + k * stride]!;
      lowerEnvelope(line, out, count, w2, v, z);
      for (let k = 0; k < count; k++) d[start + k * stride] = out[k]!;
    }
  };
  const plane = width * height;
  pass(
    width,
    1,
    range(height * depth, (j) => j * width),
    spacing[0],
  );
  pass(
    height,
    width,
    range(width * depth, (j) => Math.floor(j / width) * plane + (j % width)),
    spacing[1],
  );
  if (depth > 1 && !options.planar)
    pass(
      depth,
      plane,
      range(plane, (j) => j),
      spacing[2],
    );
  for (let i = 0; i < d.length; i++) d[i] = Math.sqrt(d[i]!);
  return d;
}

function* range(n: number, f: (j: number) => number): Generator<number> {
  for (let j = 0; j < n; j++) yield f(j);
}

/** 1D squared distance transform of sampled function f with sample spacing² = w2. */
function lowerEnvelope(
  f: Float64Array,
  out: Float64Array,
  n: number,
  w2: number,
  v: Int32Array,
  z: Float64Array,
): void {
  let k = -1;
  for (let q = 0; q < n; q++) {
    const fq = f[q]!;
    if (fq === Number.POSITIVE_INFINITY) continue;
    // Parabolas are in index units scaled by w2 so anisotropic spacing stays exact.
    while (k >= 0) {
      const p = v[k]!;
      const s = (fq + w2 * q * q - (f[p]! + w2 * p * p)) / (2 * w2 * (q - p));
      if (s <= z[k]!) k--;
      else {
        k++;
        v[k] = q;
        z[k] = s;
        z[k + 1] = Number.POSITIVE_INFINITY;
        break;
      }
    }
    if (k < 0) {
      k = 0;
      v[0] = q;
      z[0] = Number.NEGATIVE_INFINITY;
      z[1] = Number.POSITIVE_INFINITY;
    }
  }
  if (k < 0) {
    for (let q = 0; q < n; q++) out[q] = Number.POSITIVE_INFINITY;
    return;
  }
  let j = 0;
  for (let q = 0; q < n; q++) {
    while (z[j + 1]! < q) j++;
    const p = v[j]!;
    out[q] = w2 * (q - p) * (q - p) + f[p]!;
  }
}
