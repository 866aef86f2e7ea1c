/** Stands in for "no such pixel": finite, so the parabola intersections below stay arithmetic. */
const FAR = 1e20;

/**
 * Exact squared Euclidean distance from every pixel to the nearest pixel where `mask` equals
 * `target` (Felzenszwalb & Huttenlocher 2012: lower envelope of parabolas, one pass per axis).
 * Pixels with no such pixel in the image get 1e20.
 */
export function squaredDistanceTransform(
  mask: Uint8Array,
  width: number,
  height: number,
  target: 0 | 1,
): Float64Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`squaredDistanceTransform: bad size ${width}x${height}`);
  }
  if (mask.length !== width * height) {
    throw new RangeError(
      `squaredDistanceTransform: mask has ${mask.length} pixels, expected ${width * height}`,
    );
  }
  const out = new Float64Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = (mask[i]! !== 0 ? 1 : 0) === target ? 0 : FAR;

  const longest = Math.max(width, height);
  const line = new Float64Array(longest);
  const result = new Float64Array(longest);
  const vertices = new Int32Array(longest);
  const bounds = new Float64Array(longest + 1);

  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) line[y] = out[y * width + x]!;
    envelope1d(line, height, result, vertices, bounds);
    for (let y = 0; y < height; y++) out[y * width + x] = result[y]!;
  }
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) line[x] = out[row + x]!;
    envelope1d(line, width, result, vertices, bounds);
    for (let x = 0; x < width; x++) out[row + x] = result[x]!;
  }
  return out;
}

/**
 * Signed distance to the boundary of `mask`, in pixels, with the boundary half-way between pixel
 * centres: inside pixels get -(distance to the nearest outside pixel - 0.5), outside pixels
 * +(distance to the nearest inside pixel - 0.5). So `sdf < r` dilates the mask by r pixels and
 * `sdf < -r` erodes it. An empty mask is +1e10 everywhere, a full one -1e10.
 */
export function signedDistance(mask: Uint8Array, width: number, height: number): Float32Array {
  const toOutside = squaredDistanceTransform(mask, width, height, 0);
  const toInside = squaredDistanceTransform(mask, width, height, 1);
  const sdf = new Float32Array(width * height);
  for (let i = 0; i < sdf.length; i++) {
    sdf[i] =
      mask[i]! !== 0
        ? toOutside[i]! >= FAR
          ? -1e10
          : -(Math.sqrt(toOutside[i]!) - 0.5)
        : toInside[i]! >= FAR
          ? 1e10
          : Math.sqrt(toInside[i]!) - 0.5;
  }
  return sdf;
}

/** 1D squared distance transform of sampled function f (length n) into `out`. */
function envelope1d(
  f: Float64Array,
  n: number,
  out: Float64Array,
  vertices: Int32Array,
  bounds: Float64Array,
): void {
  let k = 0;
  vertices[0] = 0;
  bounds[0] = -Infinity;
  bounds[1] = Infinity;
  for (let q = 1; q < n; q++) {
    const fq = f[q]! + q * q;
    let v = vertices[k]!;
    let s = (fq - (f[v]! + v * v)) / (2 * q - 2 * v);
    // bounds[0] is -Infinity, so this stops at k = 0 at the latest.
    while (s <= bounds[k]!) {
      k--;
      v = vertices[k]!;
      s = (fq - (f[v]! + v * v)) / (2 * q - 2 * v);
    }
    k++;
    vertices[k] = q;
    bounds[k] = s;
    bounds[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (bounds[k + 1]! < q) k++;
    const v = vertices[k]!;
    out[q] = (q - v) * (q - v) + f[v]!;
  }
}
