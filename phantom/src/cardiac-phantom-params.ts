import type { SeededRandom } from "./seeded-random.ts";

/** One Fourier term of a boundary's relative radius: amplitude * cos(order * angle + phase). */
export interface BoundaryHarmonic {
  order: number;
  /** relative to the mean radius */
  amplitude: number;
  phaseRad: number;
  /** how far the phase turns from base to apex, so the wobble twists along the long axis */
  phaseDriftRad: number;
}

/** Ideal (noise-free, bias-free) signal of each tissue, as in a bSSFP cine: blood and fat bright. */
export interface TissueIntensities {
  lvBlood: number;
  rvBlood: number;
  myocardium: number;
  papillaryMuscle: number;
  rvFreeWall: number;
  epicardialFat: number;
  subcutaneousFat: number;
  muscle: number;
  lung: number;
  liver: number;
  aorta: number;
  spine: number;
}

/**
 * Everything that makes one phantom patient, drawn from the seed. Lengths in mm, angles in
 * radians in image coordinates (x right, y down), positions relative to the image centre.
 * A plain object, so it serialises to JSON and can be stored beside the volumes.
 */
export interface CardiacPhantomParams {
  seed: number;
  width: number;
  height: number;
  slices: number;
  pixelSpacingMm: number;
  /** slice spacing: the base-to-apex length divided by the slice count */
  sliceThicknessMm: number;
  lvLengthMm: number;

  heartCentreXMm: number;
  heartCentreYMm: number;
  /** the long axis is not quite perpendicular to the slices: the centre moves by this to the apex */
  apexShiftXMm: number;
  apexShiftYMm: number;

  /** equivalent-area radius of the LV cavity at the basal slice at ED */
  lvCavityRadiusMm: number;
  /** minor / major axis of the cavity ellipse, <= 1 */
  lvAspectRatio: number;
  lvOrientationRad: number;
  /** myocardial wall thickness at the basal slice at ED */
  wallThicknessMm: number;
  /** cavity radius at the apex end of the stack relative to the base */
  apexRadiusFraction: number;
  /** shape of the base-to-apex narrowing: 1 linear (cone), 2 and up a rounder, ellipsoid-like LV */
  taperExponent: number;
  endocardialHarmonics: BoundaryHarmonic[];
  epicardialHarmonics: BoundaryHarmonic[];

  /** (EDV - ESV) / EDV: every slice's cavity area shrinks by (1 - EF) at ES */
  ejectionFraction: number;
  /** ES / ED myocardial area per slice; about 1, since the muscle thickens as the cavity shrinks */
  myocardialAreaRatio: number;

  /** direction from the LV centre to the middle of the RV crescent */
  septumAngleRad: number;
  /** radial depth of the RV cavity at its middle, basal slice, ED */
  rvDepthMm: number;
  /** angular half-width of the crescent at the basal slice */
  rvHalfSpanRad: number;
  /** -0.3..0.3: how much thicker one horn of the crescent is than the other */
  rvSkew: number;
  /** fraction of the base-to-apex stack that the RV reaches; it is absent beyond */
  rvApicalExtent: number;
  /** approximate: RV depth and span shrink so the RV area falls by about this fraction at ES */
  rvEjectionFraction: number;
  rvFreeWallMm: number;
  papillaryRadiusMm: number;
  epicardialFatMm: number;
  epicardialFatAngleRad: number;

  bodyHalfWidthMm: number;
  bodyHalfDepthMm: number;

  intensities: TissueIntensities;
  /** in-plane partial-volume blur, as the standard deviation of a Gaussian */
  blurSigmaMm: number;
  /** coefficients of the bias polynomial's terms x, y, xy, x^2, y^2, z (unit norm) */
  biasCoefficients: number[];
  /** the bias field is exp(biasStrength * polynomial), polynomial within about [-2, 2] */
  biasStrength: number;
  /** standard deviation of each of the two Gaussian channels behind the Rician magnitude */
  noiseSigma: number;
}

/** Patient-level parameters the caller may pin instead of drawing (a plain partial of the above). */
export type CardiacPhantomOverrides = Partial<
  Omit<CardiacPhantomParams, "seed" | "width" | "height" | "slices" | "pixelSpacingMm">
>;

export interface CardiacParamRanges {
  seed: number;
  width: number;
  height: number;
  slices: number;
  fieldOfViewMm: number;
  ejectionFractionRange: readonly [number, number];
  noiseSigmaRange: readonly [number, number];
}

/**
 * Draws one patient. Every parameter is drawn in a fixed order whether or not it is overridden,
 * so pinning one parameter leaves all the others as the seed made them.
 */
export function drawCardiacPhantomParams(
  rng: SeededRandom,
  ranges: CardiacParamRanges,
  overrides: CardiacPhantomOverrides = {},
): CardiacPhantomParams {
  const u = (min: number, max: number) => rng.uniform(min, max);
  const harmonics = (orders: number[], maxAmplitude: number): BoundaryHarmonic[] =>
    orders.map((order) => ({
      order,
      amplitude: u(0.3, 1) * maxAmplitude,
      phaseRad: u(0, 2 * Math.PI),
      phaseDriftRad: u(-1, 1),
    }));
  const jitter = (value: number) =>
    value * (1 + Math.max(-0.12, Math.min(0.12, rng.normal(0, 0.04))));

  const lvLengthMm = u(80, 100);
  const drawn: CardiacPhantomParams = {
    seed: ranges.seed,
    width: ranges.width,
    height: ranges.height,
    slices: ranges.slices,
    pixelSpacingMm: ranges.fieldOfViewMm / Math.max(ranges.width, ranges.height),
    sliceThicknessMm: lvLengthMm / ranges.slices,
    lvLengthMm,
    heartCentreXMm: 12 + u(-10, 10),
    heartCentreYMm: -8 + u(-8, 8),
    apexShiftXMm: u(-8, 8),
    apexShiftYMm: u(-8, 8),
    lvCavityRadiusMm: u(23, 29),
    lvAspectRatio: u(0.82, 1),
    lvOrientationRad: u(0, Math.PI),
    wallThicknessMm: u(7, 10),
    apexRadiusFraction: u(0.25, 0.45),
    taperExponent: u(1.5, 2.5),
    endocardialHarmonics: [
      ...harmonics([2, 3, 4, 5], 0.035),
      // small high orders stand in for trabeculation
      ...harmonics([8, 11], 0.015),
    ],
    epicardialHarmonics: harmonics([2, 3], 0.02),
    ejectionFraction: u(ranges.ejectionFractionRange[0], ranges.ejectionFractionRange[1]),
    myocardialAreaRatio: u(0.95, 1.05),
    septumAngleRad: Math.PI + u(0.05, 0.45),
    rvDepthMm: u(14, 22),
    rvHalfSpanRad: u(1.3, 1.7),
    rvSkew: u(-0.3, 0.3),
    rvApicalExtent: u(0.6, 0.85),
    rvEjectionFraction: u(0.4, 0.6),
    rvFreeWallMm: u(2.5, 3.5),
    papillaryRadiusMm: u(2.5, 4),
    epicardialFatMm: u(2, 5),
    epicardialFatAngleRad: u(0, 2 * Math.PI),
    bodyHalfWidthMm: u(122, 134),
    bodyHalfDepthMm: u(86, 98),
    intensities: {
      lvBlood: jitter(0.9),
      rvBlood: jitter(0.84),
      myocardium: jitter(0.22),
      papillaryMuscle: jitter(0.26),
      rvFreeWall: jitter(0.24),
      epicardialFat: jitter(0.62),
      subcutaneousFat: jitter(0.75),
      muscle: jitter(0.3),
      lung: jitter(0.04),
      liver: jitter(0.38),
      aorta: jitter(0.8),
      spine: jitter(0.45),
    },
    blurSigmaMm: u(1, 1.8),
    biasCoefficients: unitVector([
      rng.normal(),
      rng.normal(),
      rng.normal(),
      rng.normal(),
      rng.normal(),
      rng.normal(),
    ]),
    biasStrength: u(0.08, 0.22),
    noiseSigma: u(ranges.noiseSigmaRange[0], ranges.noiseSigmaRange[1]),
  };
  const params = { ...drawn, ...overrides };
  if (overrides.lvLengthMm !== undefined && overrides.sliceThicknessMm === undefined) {
    params.sliceThicknessMm = params.lvLengthMm / params.slices;
  }
  validateCardiacPhantomParams(params);
  return params;
}

/** Throws on parameters that would draw an implausible or broken phantom. */
export function validateCardiacPhantomParams(p: CardiacPhantomParams): void {
  const check = (name: string, value: number, min: number, max: number) => {
    if (!(Number.isFinite(value) && value >= min && value <= max)) {
      throw new RangeError(`cardiac phantom: ${name} must be in [${min}, ${max}], got ${value}`);
    }
  };
  check("ejectionFraction", p.ejectionFraction, 0, 0.95);
  check("rvEjectionFraction", p.rvEjectionFraction, 0, 0.95);
  check("myocardialAreaRatio", p.myocardialAreaRatio, 0.5, 2);
  check("lvCavityRadiusMm", p.lvCavityRadiusMm, 1, 200);
  check("lvAspectRatio", p.lvAspectRatio, 0.3, 1);
  check("wallThicknessMm", p.wallThicknessMm, 0.5, 100);
  check("apexRadiusFraction", p.apexRadiusFraction, 0, 1);
  check("taperExponent", p.taperExponent, 0.1, 10);
  check("rvDepthMm", p.rvDepthMm, 0, 200);
  check("rvHalfSpanRad", p.rvHalfSpanRad, 0, Math.PI);
  check("rvSkew", p.rvSkew, -0.9, 0.9);
  check("rvApicalExtent", p.rvApicalExtent, 0, 1);
  check("rvFreeWallMm", p.rvFreeWallMm, 0, 50);
  check("papillaryRadiusMm", p.papillaryRadiusMm, 0, 50);
  check("epicardialFatMm", p.epicardialFatMm, 0, 50);
  check("bodyHalfWidthMm", p.bodyHalfWidthMm, 1, 1000);
  check("bodyHalfDepthMm", p.bodyHalfDepthMm, 1, 1000);
  check("sliceThicknessMm", p.sliceThicknessMm, 0.01, 1000);
  check("blurSigmaMm", p.blurSigmaMm, 0, 50);
  check("biasStrength", p.biasStrength, 0, 2);
  check("noiseSigma", p.noiseSigma, 0, 10);
  if (p.biasCoefficients.length !== 6 || p.biasCoefficients.some((c) => !Number.isFinite(c))) {
    throw new RangeError("cardiac phantom: biasCoefficients must be 6 finite numbers");
  }
  for (const h of [...p.endocardialHarmonics, ...p.epicardialHarmonics]) {
    check("harmonic order", h.order, 1, 64);
    check("harmonic amplitude", Math.abs(h.amplitude), 0, 0.3);
  }
  for (const [name, value] of Object.entries(p.intensities))
    check(`intensities.${name}`, value, 0, 10);
}

function unitVector(values: number[]): number[] {
  const norm = Math.hypot(...values) || 1;
  return values.map((v) => v / norm);
}
