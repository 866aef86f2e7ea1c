import { EvaluationError } from "./evaluation-error.ts";

export interface BlandAltmanPoint {
  /** (measured + reference) / 2, the x of the plot. */
  mean: number;
  /** measured − reference, the y of the plot. */
  difference: number;
}

export interface BlandAltman {
  n: number;
  /** Mean of measured − reference: positive when the method overestimates. */
  bias: number;
  /** Sample standard deviation (n − 1) of the differences. */
  sd: number;
  lowerLimit: number;
  upperLimit: number;
  points: BlandAltmanPoint[];
}

export interface BlandAltmanOptions {
  /** Half-width of the limits of agreement in SDs; default 1.96 (95 % of differences if normal). */
  limitFactor?: number;
}

/**
 * Bland–Altman agreement of paired measurements (Bland & Altman, Lancet 1986): bias, SD of the
 * differences and limits of agreement bias ± 1.96 SD, plus the points for the plot.
 */
export function blandAltman(
  measured: readonly number[],
  reference: readonly number[],
  options: BlandAltmanOptions = {},
): BlandAltman {
  const factor = options.limitFactor ?? 1.96;
  if (!Number.isFinite(factor) || factor <= 0) {
    throw new EvaluationError("BAD_OPTION", `limitFactor must be > 0, got ${factor}.`);
  }
  if (measured.length !== reference.length) {
    throw new EvaluationError(
      "SIZE_MISMATCH",
      `${measured.length} measurements paired with ${reference.length} references.`,
    );
  }
  const n = measured.length;
  // One pair gives an SD of 0/0, so no limits of agreement.
  if (n < 2) throw new EvaluationError("TOO_FEW_PAIRS", `Bland–Altman needs ≥ 2 pairs, got ${n}.`);
  const points = measured.map((m, i) => {
    const r = reference[i]!;
    if (!Number.isFinite(m) || !Number.isFinite(r)) {
      throw new EvaluationError("NON_FINITE", `pair ${i} is (${m}, ${r}): not finite.`);
    }
    return { mean: (m + r) / 2, difference: m - r };
  });
  const bias = points.reduce((s, p) => s + p.difference, 0) / n;
  const sd = Math.sqrt(points.reduce((s, p) => s + (p.difference - bias) ** 2, 0) / (n - 1));
  return {
    n,
    bias,
    sd,
    lowerLimit: bias - factor * sd,
    upperLimit: bias + factor * sd,
    points,
  };
}
