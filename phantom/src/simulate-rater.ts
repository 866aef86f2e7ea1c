import { signedDistance } from "./distance-transform.ts";
import {
  cardiacPaintLayers,
  independentPaintLayers,
  type PaintLayer,
  validatePaintLayers,
} from "./paint-layers.ts";
import { type RaterProfile, validateRaterProfile } from "./rater-profiles.ts";
import type { SeededRandom } from "./seeded-random.ts";
import { smoothRandomField } from "./smooth-random-field.ts";
import { spamLabel } from "./spam-label.ts";

export interface SimulateRaterOptions {
  /** classes are 0..numClasses-1, 0 background (default 4: the ACDC codes) */
  numClasses?: number;
  /**
   * how structures nest; default cardiacPaintLayers when numClasses is 4, else one independent
   * layer per class. Pass independentPaintLayers(4) for four classes that are not the heart.
   */
  layers?: readonly PaintLayer[];
}

/** Random boundary displacement is clipped here (in standard deviations) to bound the work area. */
const NOISE_CLIP = 4;

/**
 * One rater's label map for one slice, made from the truth by moving each structure's boundary:
 * the structure's signed distance map is thresholded at (dilatePx - erodePx + smooth random
 * displacement) instead of at 0. Then whole structures or the whole slice may be dropped, or the
 * slice replaced by spam, with the profile's probabilities. Draws from `rng` only.
 */
export function simulateRaterLabel(
  groundTruth: Uint8Array,
  width: number,
  height: number,
  profile: RaterProfile,
  rng: SeededRandom,
  options: SimulateRaterOptions = {},
): Uint8Array {
  const { numClasses, layers } = resolveOptions(options);
  checkSlice(groundTruth, width, height, numClasses);
  validateRaterProfile(profile);
  return simulateValidated(groundTruth, width, height, profile, rng, numClasses, layers);
}

export interface LabelVolume {
  labels: Uint8Array;
  width: number;
  height: number;
  depth: number;
}

/** simulateRaterLabel on every slice in order (x fastest, then y, then slice). */
export function simulateRaterVolume(
  volume: LabelVolume,
  profile: RaterProfile,
  rng: SeededRandom,
  options: SimulateRaterOptions = {},
): Uint8Array {
  const { labels, width, height, depth } = volume;
  if (!Number.isInteger(depth) || depth < 1 || labels.length !== width * height * depth) {
    throw new RangeError(
      `simulateRaterVolume: ${labels.length} labels do not make ${width}x${height}x${depth}`,
    );
  }
  const { numClasses, layers } = resolveOptions(options);
  validateRaterProfile(profile);
  const area = width * height;
  const out = new Uint8Array(labels.length);
  for (let s = 0; s < depth; s++) {
    const slice = labels.subarray(s * area, (s + 1) * area);
    checkSlice(slice, width, height, numClasses);
    out.set(simulateValidated(slice, width, height, profile, rng, numClasses, layers), s * area);
  }
  return out;
}

function simulateValidated(
  truth: Uint8Array,
  width: number,
  height: number,
  profile: RaterProfile,
  rng: SeededRandom,
  numClasses: number,
  layers: readonly PaintLayer[],
): Uint8Array {
  if (profile.spamProbability > 0 && rng.chance(profile.spamProbability)) {
    return spamLabel(width, height, numClasses, rng);
  }
  const out = new Uint8Array(width * height);
  if (profile.skipSliceProbability > 0 && rng.chance(profile.skipSliceProbability)) return out;

  const skipped = new Set<number>();
  for (const layer of layers) {
    const painted = paintPerturbedLayer(truth, width, height, layer, profile, rng, out);
    if (
      painted &&
      profile.skipStructureProbability > 0 &&
      rng.chance(profile.skipStructureProbability)
    ) {
      skipped.add(layer.label);
    }
  }
  // Dropped after painting, so a skipped cavity leaves a hole in the myocardium, not a solid disc.
  if (skipped.size > 0) {
    for (let i = 0; i < out.length; i++) if (skipped.has(out[i]!)) out[i] = 0;
  }
  return out;
}

/** Paints one layer into `out`; false when the layer is absent from the truth. */
function paintPerturbedLayer(
  truth: Uint8Array,
  width: number,
  height: number,
  layer: PaintLayer,
  profile: RaterProfile,
  rng: SeededRandom,
  out: Uint8Array,
): boolean {
  const inFill = new Uint8Array(256);
  for (const c of layer.fill) inFill[c] = 1;
  let xMin = width;
  let xMax = -1;
  let yMin = height;
  let yMax = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (inFill[truth[y * width + x]!] === 1) {
        if (x < xMin) xMin = x;
        if (x > xMax) xMax = x;
        if (y < yMin) yMin = y;
        if (y > yMax) yMax = y;
      }
    }
  }
  if (xMax < 0) return false;

  const shift = profile.dilatePx - profile.erodePx;
  const amplitude = profile.boundaryNoisePx;
  // Only pixels within the largest possible outward move can change, so work in that box.
  const margin = Math.ceil(Math.max(0, shift + NOISE_CLIP * amplitude)) + 1;
  const x0 = Math.max(0, xMin - margin);
  const x1 = Math.min(width - 1, xMax + margin);
  const y0 = Math.max(0, yMin - margin);
  const y1 = Math.min(height - 1, yMax + margin);
  const cw = x1 - x0 + 1;
  const ch = y1 - y0 + 1;
  const mask = new Uint8Array(cw * ch);
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) mask[y * cw + x] = inFill[truth[(y + y0) * width + x + x0]!]!;
  }
  const sdf = signedDistance(mask, cw, ch);
  const field =
    amplitude > 0 ? smoothRandomField(cw, ch, profile.boundaryNoiseCorrelationPx, rng) : null;
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      const k = y * cw + x;
      let move = shift;
      if (field !== null)
        move += amplitude * Math.max(-NOISE_CLIP, Math.min(NOISE_CLIP, field[k]!));
      if (sdf[k]! < move) out[(y + y0) * width + x + x0] = layer.label;
    }
  }
  return true;
}

function resolveOptions(options: SimulateRaterOptions): {
  numClasses: number;
  layers: readonly PaintLayer[];
} {
  const numClasses = options.numClasses ?? 4;
  if (!Number.isInteger(numClasses) || numClasses < 2 || numClasses > 256) {
    throw new RangeError(
      `simulate rater: numClasses must be an integer in [2, 256], got ${numClasses}`,
    );
  }
  const layers =
    options.layers ?? (numClasses === 4 ? cardiacPaintLayers : independentPaintLayers(numClasses));
  validatePaintLayers(layers, numClasses);
  return { numClasses, layers };
}

function checkSlice(truth: Uint8Array, width: number, height: number, numClasses: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`simulate rater: bad slice size ${width}x${height}`);
  }
  if (truth.length !== width * height) {
    throw new RangeError(
      `simulate rater: truth has ${truth.length} pixels, expected ${width * height}`,
    );
  }
  for (let i = 0; i < truth.length; i++) {
    if (truth[i]! >= numClasses) {
      throw new RangeError(
        `simulate rater: truth pixel ${i} has class ${truth[i]}, numClasses is ${numClasses}`,
      );
    }
  }
}
