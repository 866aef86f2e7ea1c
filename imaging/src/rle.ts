import { ImagingError } from "./imaging-error.ts";

/**
 * A label map as it travels between the labeling page, the API and the database.
 *
 * Pixels are taken row-major (x fastest, then y), and runs continue across row ends.
 * `counts` is a flat list of pairs: `[class, runLength, class, runLength, ...]`, each run giving
 * the class index of its next `runLength` pixels. Every run length is a whole number ≥ 1 and
 * the run lengths add up to exactly width × height. `encodeRle` never emits two neighbouring
 * runs of the same class; `decodeRle` accepts them, so a client may encode row by row.
 *
 * Example: the 3×2 map [0 0 1 / 1 1 2] is `{ width: 3, height: 2, counts: [0, 2, 1, 3, 2, 1] }`.
 */
export interface LabelRle {
  width: number;
  height: number;
  counts: number[];
}

export interface RleCheckOptions {
  /** Classes are 0..numClasses−1; anything else is refused. */
  numClasses: number;
  /** When given, the map must have exactly this size (the slice it labels). */
  width?: number;
  height?: number;
  /** Refuse maps claiming more pixels than this, before allocating. */
  maxPixels?: number;
}

const DEFAULT_MAX_PIXELS = 2 ** 26;

export function encodeRle(labels: Uint8Array, width: number, height: number): LabelRle {
  if (!isPositiveInteger(width) || !isPositiveInteger(height)) {
    throw new ImagingError(
      "invalid_argument",
      `label map size must be whole numbers ≥ 1, got ${width}×${height}`,
    );
  }
  if (labels.length !== width * height) {
    throw new ImagingError(
      "size_mismatch",
      `a ${width}×${height} label map has ${width * height} pixels, but ${labels.length} labels were given`,
    );
  }
  const counts: number[] = [];
  let runClass = labels[0]!;
  let runStart = 0;
  for (let i = 1; i < labels.length; i++) {
    const value = labels[i]!;
    if (value !== runClass) {
      counts.push(runClass, i - runStart);
      runClass = value;
      runStart = i;
    }
  }
  counts.push(runClass, labels.length - runStart);
  return { width, height, counts };
}

/** Checks an RLE label map without decoding it; returns the problem, or null when it is valid. */
export function validateRle(rle: LabelRle, options: RleCheckOptions): ImagingError | null {
  const { numClasses } = options;
  if (!isPositiveInteger(numClasses) || numClasses > 256) {
    throw new ImagingError(
      "invalid_argument",
      `numClasses must be a whole number in 1..256, got ${numClasses}`,
    );
  }
  const { width, height, counts } = rle;
  if (!isPositiveInteger(width) || !isPositiveInteger(height)) {
    return new ImagingError(
      "rle_invalid",
      `label map size must be whole numbers ≥ 1, got ${width}×${height}`,
    );
  }
  const expectedWidth = options.width ?? width;
  const expectedHeight = options.height ?? height;
  if (width !== expectedWidth || height !== expectedHeight) {
    return new ImagingError(
      "size_mismatch",
      `label map is ${width}×${height} but the slice is ${expectedWidth}×${expectedHeight}`,
    );
  }
  const pixels = width * height;
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (pixels > maxPixels) {
    return new ImagingError(
      "image_too_large",
      `label map is ${width}×${height} = ${pixels} pixels, more than the limit of ${maxPixels}`,
    );
  }
  if (!Array.isArray(counts) || counts.length % 2 !== 0 || counts.length === 0) {
    const found = Array.isArray(counts) ? `${counts.length} entries` : typeof counts;
    return new ImagingError(
      "rle_invalid",
      `RLE counts must be a non-empty list of (class, run length) pairs, got ${found}`,
    );
  }
  let covered = 0;
  for (let k = 0; k < counts.length; k += 2) {
    const cls = counts[k];
    const length = counts[k + 1];
    const run = k / 2;
    if (typeof cls !== "number" || !Number.isInteger(cls) || cls < 0) {
      return new ImagingError(
        "rle_invalid",
        `RLE run ${run} has class ${show(cls)}; classes are whole numbers ≥ 0`,
      );
    }
    if (cls >= numClasses) {
      return new ImagingError(
        "class_out_of_range",
        `RLE run ${run} (from pixel ${covered}) has class ${cls}, ` +
          `but this study's classes are 0..${numClasses - 1}`,
      );
    }
    if (typeof length !== "number" || !isPositiveInteger(length)) {
      return new ImagingError(
        "rle_invalid",
        `RLE run ${run} (from pixel ${covered}) has length ${show(length)}; ` +
          "run lengths are whole numbers ≥ 1",
      );
    }
    covered += length;
  }
  if (covered !== pixels) {
    return new ImagingError(
      "rle_invalid",
      `RLE runs cover ${covered} pixels, but the label map is ${width}×${height} = ${pixels} pixels`,
    );
  }
  return null;
}

/** Expands an RLE label map to one class index per pixel (row-major), after `validateRle`. */
export function decodeRle(rle: LabelRle, options: RleCheckOptions): Uint8Array {
  const problem = validateRle(rle, options);
  if (problem !== null) throw problem;
  const labels = new Uint8Array(rle.width * rle.height);
  let offset = 0;
  for (let k = 0; k < rle.counts.length; k += 2) {
    const length = rle.counts[k + 1]!;
    labels.fill(rle.counts[k]!, offset, offset + length);
    offset += length;
  }
  return labels;
}

// Quotes strings, so a "3" sent as text is told apart from the number 3.
function show(value: unknown): string {
  return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value >= 1;
}
