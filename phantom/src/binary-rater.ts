import type { SeededRandom } from "./seeded-random.ts";

export interface KnownRates {
  /** P(rater says 1 | truth 1) */
  sensitivity: number;
  /** P(rater says 0 | truth 0) */
  specificity: number;
}

/**
 * A binary rater of textbook STAPLE form: each pixel independently keeps its truth value with
 * probability sensitivity (foreground) or specificity (background), else flips. Unlike the
 * profile raters its errors are spatially independent, so an estimator's recovered rates can be
 * compared to these exactly.
 */
export function binaryRaterWithKnownRates(
  truth: Uint8Array,
  rates: KnownRates,
  rng: SeededRandom,
): Uint8Array {
  const { sensitivity, specificity } = rates;
  if (!(sensitivity >= 0 && sensitivity <= 1 && specificity >= 0 && specificity <= 1)) {
    throw new RangeError(
      `binaryRaterWithKnownRates: sensitivity and specificity must be in [0, 1], got ${sensitivity}, ${specificity}`,
    );
  }
  const out = new Uint8Array(truth.length);
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    if (t > 1)
      throw new RangeError(`binaryRaterWithKnownRates: truth must be 0/1, pixel ${i} is ${t}`);
    out[i] = t === 1 ? (rng.next() < sensitivity ? 1 : 0) : rng.next() < specificity ? 0 : 1;
  }
  return out;
}
