/**
 * How a simulated rater departs from the truth. All lengths are in pixels of the slice being
 * labeled, so the same profile is a larger relative error on a coarser image.
 */
export interface RaterProfile {
  /** a name for reports; the built-in profiles use their key */
  kind: string;
  /** every structure's boundary moves outward by this much: systematic over-segmentation */
  dilatePx: number;
  /** every structure's boundary moves inward by this much; the net shift is dilatePx - erodePx */
  erodePx: number;
  /** standard deviation of a smooth random displacement of each boundary, independent per structure */
  boundaryNoisePx: number;
  /** correlation length of that displacement: small flickers, large wanders */
  boundaryNoiseCorrelationPx: number;
  /** probability that a whole slice comes back empty */
  skipSliceProbability: number;
  /** probability that each structure present in a slice is left out (painted as background) */
  skipStructureProbability: number;
  /** probability that a slice is replaced by random blobs of random classes, unrelated to it */
  spamProbability: number;
}

const exact: RaterProfile = {
  kind: "exact",
  dilatePx: 0,
  erodePx: 0,
  boundaryNoisePx: 0,
  boundaryNoiseCorrelationPx: 5,
  skipSliceProbability: 0,
  skipStructureProbability: 0,
  spamProbability: 0,
};

/**
 * The rater population of the demo study. Each kind has one dominant failure, so fusion's
 * per-rater estimates can be checked against the parameter that caused them.
 */
export const raterProfiles = {
  /** near-perfect: sub-pixel jitter of the boundary only */
  expert: { ...exact, kind: "expert", boundaryNoisePx: 0.3, boundaryNoiseCorrelationPx: 6 },
  /** a conscientious non-expert: unbiased, but the contour wobbles by about a pixel */
  careful: { ...exact, kind: "careful", boundaryNoisePx: 0.8, boundaryNoiseCorrelationPx: 5 },
  /** paints over the edges: every structure about 1.5 px too large */
  over: { ...exact, kind: "over", dilatePx: 1.5, boundaryNoisePx: 0.5 },
  /** stays inside the edges: every structure about 1.5 px too small */
  under: { ...exact, kind: "under", erodePx: 1.5, boundaryNoisePx: 0.5 },
  /** unbiased but careless: boundaries wander by several pixels over long stretches */
  sloppy: { ...exact, kind: "sloppy", boundaryNoisePx: 2.5, boundaryNoiseCorrelationPx: 10 },
  /** accurate when it labels, but submits empty slices and leaves structures out */
  skipper: {
    ...exact,
    kind: "skipper",
    boundaryNoisePx: 0.6,
    skipSliceProbability: 0.3,
    skipStructureProbability: 0.1,
  },
  /** paints random blobs of random classes: a worker clicking through for pay */
  spammer: { ...exact, kind: "spammer", spamProbability: 1 },
} as const satisfies Record<string, RaterProfile>;

export type RaterKind = keyof typeof raterProfiles;

/** Throws unless every parameter is a finite number in its range. */
export function validateRaterProfile(profile: RaterProfile): void {
  const check = (name: keyof RaterProfile, min: number, max: number) => {
    const value = profile[name];
    if (typeof value !== "number" || !(value >= min && value <= max)) {
      throw new RangeError(
        `rater profile "${profile.kind}": ${name} must be in [${min}, ${max}], got ${String(value)}`,
      );
    }
  };
  check("dilatePx", 0, 1000);
  check("erodePx", 0, 1000);
  check("boundaryNoisePx", 0, 1000);
  check("boundaryNoiseCorrelationPx", 0.1, 1000);
  check("skipSliceProbability", 0, 1);
  check("skipStructureProbability", 0, 1);
  check("spamProbability", 0, 1);
}
