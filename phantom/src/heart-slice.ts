import type { BoundaryHarmonic, CardiacPhantomParams } from "./cardiac-phantom-params.ts";

export type CardiacPhase = "ED" | "ES";

/** ACDC label codes, which the phantom shares so code written for one runs on the other. */
export const cardiacLabels = { background: 0, rv: 1, myocardium: 2, lvCavity: 3 } as const;

/** Polar tables: boundary radii are looked up by angle instead of summing harmonics per pixel. */
const ANGLES = 512;
const TWO_PI = 2 * Math.PI;

/**
 * Paints the heart of one slice over the torso already in `ideal`, and writes its labels.
 * `z` runs from 0 at the base to 1 at the apex. Labels and intensities come from the same
 * per-pixel test on the same boundary radii, which is what makes the ground truth exact.
 *
 * The LV is a polar shape around its centre: an ellipse with a few harmonics for the cavity,
 * and an epicardium placed so that each angular sector holds a set myocardial area. At ES the
 * cavity area shrinks by (1 - EF) while that sector area is kept (times myocardialAreaRatio),
 * so the wall thickens as in a real heart. The RV is a crescent of radial depth outside the
 * epicardium around the septum direction, so it always abuts the septum.
 */
export function paintHeartSlice(
  p: CardiacPhantomParams,
  z: number,
  phase: CardiacPhase,
  labels: Uint8Array,
  ideal: Float32Array,
): void {
  const { width, height } = p;
  const px = 1 / p.pixelSpacingMm;
  const es = phase === "ES";
  const cx = width / 2 + (p.heartCentreXMm + p.apexShiftXMm * z) * px;
  const cy = height / 2 + (p.heartCentreYMm + p.apexShiftYMm * z) * px;

  const taper = 1 - (1 - p.apexRadiusFraction) * z ** p.taperExponent;
  const cavityEd = p.lvCavityRadiusMm * taper * px;
  const wall = p.wallThicknessMm * (1 - 0.2 * z) * px;
  // Myocardial "area per unit angle" in radius^2 units; kept across phases.
  const myoSquare = (cavityEd + wall) ** 2 - cavityEd ** 2;
  const cavity = es ? cavityEd * Math.sqrt(1 - p.ejectionFraction) : cavityEd;
  const myoSquareNow = es ? myoSquare * p.myocardialAreaRatio : myoSquare;

  const endo = new Float64Array(ANGLES + 1);
  const epi = new Float64Array(ANGLES + 1);
  const rv = new Float64Array(ANGLES + 1);
  const fat = new Float64Array(ANGLES + 1);

  const major = 1 / Math.sqrt(p.lvAspectRatio);
  const minor = Math.sqrt(p.lvAspectRatio);
  const rvReach = Math.max(0, 1 - z / Math.max(p.rvApicalExtent, 1e-9));
  const rvDepth =
    p.rvApicalExtent > 0 && z < p.rvApicalExtent
      ? p.rvDepthMm * rvReach ** 0.6 * px * (es ? (1 - p.rvEjectionFraction) ** 0.8 : 1)
      : 0;
  const rvSpan =
    p.rvHalfSpanRad * (0.65 + 0.35 * rvReach) * (es ? (1 - p.rvEjectionFraction) ** 0.2 : 1);
  const rvWall = p.rvFreeWallMm * px;

  let reach = 0;
  for (let i = 0; i <= ANGLES; i++) {
    const theta = (i / ANGLES) * TWO_PI;
    const phi = theta - p.lvOrientationRad;
    const ellipse = 1 / Math.hypot(Math.cos(phi) / major, Math.sin(phi) / minor);
    const rEndo = cavity * ellipse * (1 + wobble(p.endocardialHarmonics, theta, z));
    endo[i] = rEndo;
    epi[i] =
      Math.sqrt(rEndo * rEndo + myoSquareNow * ellipse * ellipse) *
      (1 + wobble(p.epicardialHarmonics, theta, z));
    const offset = wrapAngle(theta - p.septumAngleRad) / Math.max(rvSpan, 1e-9);
    rv[i] =
      rvDepth > 0 && Math.abs(offset) < 1
        ? rvDepth * (1 - offset * offset) ** 0.4 * (1 + p.rvSkew * offset)
        : 0;
    fat[i] = p.epicardialFatMm * px * (0.5 + 0.5 * Math.cos(theta - p.epicardialFatAngleRad));
    reach = Math.max(reach, epi[i]! + rv[i]! + rvWall + fat[i]!);
  }

  const papillary = papillaryMuscles(p, z, es, cx, cy, endo, px);
  const tone = p.intensities;
  const x0 = Math.max(0, Math.floor(cx - reach - 1));
  const x1 = Math.min(width - 1, Math.ceil(cx + reach + 1));
  const y0 = Math.max(0, Math.floor(cy - reach - 1));
  const y1 = Math.min(height - 1, Math.ceil(cy + reach + 1));
  for (let y = y0; y <= y1; y++) {
    const dy = y + 0.5 - cy;
    for (let x = x0; x <= x1; x++) {
      const dx = x + 0.5 - cx;
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d > reach) continue;
      let a = (Math.atan2(dy, dx) / TWO_PI) * ANGLES;
      if (a < 0) a += ANGLES;
      const i = Math.min(ANGLES - 1, Math.floor(a));
      const f = a - i;
      const rEndo = endo[i]! + f * (endo[i + 1]! - endo[i]!);
      const rEpi = epi[i]! + f * (epi[i + 1]! - epi[i]!);
      const k = y * width + x;
      if (d < rEndo) {
        labels[k] = cardiacLabels.lvCavity;
        ideal[k] = insideAny(papillary, x + 0.5, y + 0.5) ? tone.papillaryMuscle : tone.lvBlood;
        continue;
      }
      if (d < rEpi) {
        labels[k] = cardiacLabels.myocardium;
        ideal[k] = tone.myocardium;
        continue;
      }
      const rRv = rv[i]! + f * (rv[i + 1]! - rv[i]!);
      if (rRv > 0 && d < rEpi + rRv) {
        labels[k] = cardiacLabels.rv;
        ideal[k] = tone.rvBlood;
        continue;
      }
      const outerWall = rRv > 0 ? rEpi + rRv + rvWall : rEpi;
      if (d < outerWall) {
        ideal[k] = tone.rvFreeWall;
      } else if (d < outerWall + fat[i]! + f * (fat[i + 1]! - fat[i]!)) {
        ideal[k] = tone.epicardialFat;
      }
    }
  }
}

interface Disc {
  x: number;
  y: number;
  r: number;
}

/**
 * The two papillary muscles: dark discs inside the cavity, opposite the septum, on mid slices.
 * ACDC counts them as cavity, so they change the image and not the labels.
 */
function papillaryMuscles(
  p: CardiacPhantomParams,
  z: number,
  es: boolean,
  cx: number,
  cy: number,
  endo: Float64Array,
  px: number,
): Disc[] {
  if (z < 0.1 || z > 0.7 || p.papillaryRadiusMm === 0) return [];
  return [-0.8, 0.8].map((turn) => {
    const theta = p.septumAngleRad + Math.PI + turn;
    const index = Math.round((((theta % TWO_PI) + TWO_PI) % TWO_PI) * (ANGLES / TWO_PI));
    const rEndo = endo[index]!;
    // Muscle volume is kept while the cavity empties, so they look larger at ES, yet stay inside.
    const r = Math.min(p.papillaryRadiusMm * px * (es ? 1.25 : 1), 0.3 * rEndo);
    const distance = Math.min((es ? 0.5 : 0.62) * rEndo, rEndo - 1.2 * r);
    return { x: cx + distance * Math.cos(theta), y: cy + distance * Math.sin(theta), r };
  });
}

function insideAny(discs: Disc[], x: number, y: number): boolean {
  for (const disc of discs) {
    if ((x - disc.x) ** 2 + (y - disc.y) ** 2 < disc.r ** 2) return true;
  }
  return false;
}

function wobble(harmonics: BoundaryHarmonic[], theta: number, z: number): number {
  let sum = 0;
  for (const h of harmonics)
    sum += h.amplitude * Math.cos(h.order * theta + h.phaseRad + h.phaseDriftRad * z);
  return sum;
}

/** Angle difference folded into (-pi, pi]. */
function wrapAngle(angle: number): number {
  return angle - TWO_PI * Math.round(angle / TWO_PI);
}
