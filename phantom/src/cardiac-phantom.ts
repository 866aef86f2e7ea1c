import { biasFieldSlice } from "./bias-field.ts";
import {
  type CardiacPhantomOverrides,
  type CardiacPhantomParams,
  drawCardiacPhantomParams,
} from "./cardiac-phantom-params.ts";
import { gaussianBlur } from "./gaussian-blur.ts";
import { type CardiacPhase, paintHeartSlice } from "./heart-slice.ts";
import { addRicianNoise } from "./rician-noise.ts";
import { deriveSeed, SeededRandom } from "./seeded-random.ts";
import { paintTorsoSlice } from "./torso-slice.ts";

/** One phase of one patient: x fastest, then y, then slice (base first), like the ACDC files. */
export interface PhantomVolume {
  width: number;
  height: number;
  depth: number;
  /** intensities about 0..1 (blood about 0.9 before bias and noise) */
  image: Float32Array;
  /** 0 background, 1 RV, 2 myocardium, 3 LV cavity (ACDC codes), exact */
  labels: Uint8Array;
  phase: CardiacPhase;
  /** [dx, dy, dz] in mm, so clinical volumes come out in millilitres */
  spacing: [number, number, number];
}

export interface CardiacPhantom {
  ed: PhantomVolume;
  es: PhantomVolume;
  params: CardiacPhantomParams;
}

export interface CardiacPhantomOptions {
  seed: number;
  width?: number;
  height?: number;
  slices?: number;
  /** field of view across the larger image side; sets the pixel spacing (default 300 mm) */
  fieldOfViewMm?: number;
  /** the patient's EF is drawn uniformly from this range (default [0.45, 0.7]) */
  ejectionFractionRange?: readonly [number, number];
  /** sigma of the Rician noise is drawn uniformly from this range (default [0.02, 0.05]) */
  noiseSigmaRange?: readonly [number, number];
  /** pin parameters instead of drawing them; the others stay as the seed makes them */
  overrides?: CardiacPhantomOverrides;
}

/**
 * A synthetic short-axis cine MRI of one patient at end-diastole and end-systole, with exact
 * labels. Deterministic in `seed`: same options, same bytes.
 *
 * Image formation, in order: ideal piecewise-constant tissue image (labels come from the same
 * geometry), in-plane Gaussian partial-volume blur, multiplicative bias field, Rician noise.
 * Through-plane partial volume and motion are not modelled.
 */
export function generateCardiacPhantom(options: CardiacPhantomOptions): CardiacPhantom {
  const {
    seed,
    width = 128,
    height = 128,
    slices = 10,
    fieldOfViewMm = 300,
    ejectionFractionRange = [0.45, 0.7],
    noiseSigmaRange = [0.02, 0.05],
    overrides = {},
  } = options;
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`cardiac phantom: seed must be a safe integer, got ${seed}`);
  checkInteger("width", width, 16, 4096);
  checkInteger("height", height, 16, 4096);
  checkInteger("slices", slices, 1, 512);
  if (!(Number.isFinite(fieldOfViewMm) && fieldOfViewMm > 0)) {
    throw new RangeError(`cardiac phantom: fieldOfViewMm must be > 0, got ${fieldOfViewMm}`);
  }
  checkRange("ejectionFractionRange", ejectionFractionRange, 0, 0.95);
  checkRange("noiseSigmaRange", noiseSigmaRange, 0, 10);

  const params = drawCardiacPhantomParams(
    new SeededRandom(deriveSeed(seed, 0)),
    { seed, width, height, slices, fieldOfViewMm, ejectionFractionRange, noiseSigmaRange },
    overrides,
  );
  return {
    ed: renderPhase(params, "ED", new SeededRandom(deriveSeed(seed, 1))),
    es: renderPhase(params, "ES", new SeededRandom(deriveSeed(seed, 2))),
    params,
  };
}

/** Long-axis position of a slice: 0 at the base, 0.9 for the last one (short of the apex tip). */
export function sliceLongAxisPosition(slice: number, slices: number): number {
  return slices === 1 ? 0.45 : (0.9 * slice) / (slices - 1);
}

function renderPhase(
  p: CardiacPhantomParams,
  phase: CardiacPhase,
  noise: SeededRandom,
): PhantomVolume {
  const { width, height, slices } = p;
  const area = width * height;
  const image = new Float32Array(area * slices);
  const labels = new Uint8Array(area * slices);
  const blurPx = p.blurSigmaMm / p.pixelSpacingMm;
  for (let s = 0; s < slices; s++) {
    const z = sliceLongAxisPosition(s, slices);
    const ideal = new Float32Array(area);
    const sliceLabels = labels.subarray(s * area, (s + 1) * area);
    paintTorsoSlice(p, z, ideal);
    paintHeartSlice(p, z, phase, sliceLabels, ideal);
    const blurred = gaussianBlur(ideal, width, height, blurPx);
    const bias = biasFieldSlice(width, height, z, p.biasCoefficients, p.biasStrength);
    for (let i = 0; i < area; i++) blurred[i]! *= bias[i]!;
    image.set(blurred, s * area);
  }
  addRicianNoise(image, p.noiseSigma, noise);
  return {
    width,
    height,
    depth: slices,
    image,
    labels,
    phase,
    spacing: [p.pixelSpacingMm, p.pixelSpacingMm, p.sliceThicknessMm],
  };
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `cardiac phantom: ${name} must be an integer in [${min}, ${max}], got ${value}`,
    );
  }
}

function checkRange(
  name: string,
  range: readonly [number, number],
  min: number,
  max: number,
): void {
  const [lo, hi] = range;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && min <= lo && lo <= hi && hi <= max)) {
    throw new RangeError(
      `cardiac phantom: ${name} must satisfy ${min} <= lo <= hi <= ${max}, got [${lo}, ${hi}]`,
    );
  }
}
