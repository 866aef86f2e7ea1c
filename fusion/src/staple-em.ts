import { FusionError } from "./fusion-error.ts";
import type { PatternGroup } from "./rating-patterns.ts";

export interface StapleOptions {
  /** Stop when no confusion or prior entry moves by more than this between iterations. */
  tolerance?: number;
  maxIterations?: number;
  /**
   * "rater-mean": the class prior is fixed to the fraction of all ratings in each class, as in
   * Warfield et al. 2004. "estimate": the prior is re-estimated in each M-step.
   */
  prior?: "rater-mean" | "estimate";
  /** Initial P(rater says t | truth t); off-diagonal mass is spread evenly. */
  initialAccuracy?: number;
}

export const STAPLE_DEFAULTS = {
  tolerance: 1e-6,
  maxIterations: 100,
  prior: "rater-mean",
  initialAccuracy: 0.99,
} as const;

export interface StapleFit {
  numClasses: number;
  numRaters: number;
  /**
   * Per rater, C×C with `confusion[r][observed * C + truth]` = P(rater r says observed | truth).
   * A column whose true class received no posterior mass keeps its initial value (see `classMass`).
   */
  confusion: Float64Array[];
  prior: Float64Array;
  /** Expected number of voxels of each true class under the final posterior. */
  classMass: Float64Array;
  /** Voxels each rater labeled (0 for a rater absent everywhere). */
  ratedVoxels: Float64Array;
  iterations: number;
  converged: boolean;
  /** Per group, numPatterns × C posterior class probabilities. */
  patternPosteriors: Float64Array[];
}

// Keeps log() finite when a rater never produced some label; 1e-12 moves no estimate measurably.
const LOG_FLOOR = 1e-12;

/** EM for multi-label STAPLE on compressed rating patterns. Accumulates in float64 throughout. */
export function fitStaple(
  groups: readonly PatternGroup[],
  dims: { numClasses: number; numRaters: number },
  options: StapleOptions = {},
): StapleFit {
  const c = dims.numClasses;
  const numRaters = dims.numRaters;
  const tolerance = options.tolerance ?? STAPLE_DEFAULTS.tolerance;
  const maxIterations = options.maxIterations ?? STAPLE_DEFAULTS.maxIterations;
  const priorMode = options.prior ?? STAPLE_DEFAULTS.prior;
  const a0 = options.initialAccuracy ?? STAPLE_DEFAULTS.initialAccuracy;
  if (!(tolerance > 0))
    throw new FusionError("BAD_OPTION", `tolerance must be > 0, got ${tolerance}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new FusionError("BAD_OPTION", `maxIterations must be a positive integer`);
  }
  if (!(a0 > 0 && a0 < 1)) {
    throw new FusionError("BAD_OPTION", `initialAccuracy must lie in (0, 1), got ${a0}`);
  }

  const cc = c * c;
  // Flat R×C×C tables so the inner loops index one typed array.
  const theta = new Float64Array(numRaters * cc);
  const off = (1 - a0) / (c - 1);
  for (let r = 0; r < numRaters; r++) {
    for (let s = 0; s < c; s++)
      for (let t = 0; t < c; t++) theta[r * cc + s * c + t] = s === t ? a0 : off;
  }
  const logTheta = new Float64Array(numRaters * cc);
  const num = new Float64Array(numRaters * cc);
  const den = new Float64Array(numRaters * c);
  const prior = new Float64Array(c);
  const logPrior = new Float64Array(c);
  const classMass = new Float64Array(c);
  const ratedVoxels = new Float64Array(numRaters);
  const w = new Float64Array(c);

  let totalVoxels = 0;
  for (const g of groups) {
    const k = g.raters.length;
    for (let p = 0; p < g.counts.length; p++) {
      const n = g.counts[p]!;
      totalVoxels += n;
      for (let j = 0; j < k; j++) {
        prior[g.patterns[p * k + j]!]! += n;
        ratedVoxels[g.raters[j]!]! += n;
      }
    }
  }
  if (totalVoxels === 0) throw new FusionError("EMPTY_INPUT", "no rated voxels to fuse");
  let priorTotal = 0;
  for (let t = 0; t < c; t++) priorTotal += prior[t]!;
  for (let t = 0; t < c; t++) prior[t] = prior[t]! / priorTotal;

  const posteriors = groups.map((g) => new Float64Array(g.counts.length * c));

  const eStep = (): void => {
    for (let j = 0; j < numRaters * cc; j++) logTheta[j] = Math.log(Math.max(theta[j]!, LOG_FLOOR));
    // log 0 = -Infinity on purpose: a class with zero prior gets exactly zero posterior.
    for (let t = 0; t < c; t++) logPrior[t] = Math.log(prior[t]!);
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi]!;
      const post = posteriors[gi]!;
      const k = g.raters.length;
      const np = g.counts.length;
      for (let p = 0; p < np; p++) {
        for (let t = 0; t < c; t++) w[t] = logPrior[t]!;
        for (let j = 0; j < k; j++) {
          const base = g.raters[j]! * cc + g.patterns[p * k + j]! * c;
          for (let t = 0; t < c; t++) w[t] = w[t]! + logTheta[base + t]!;
        }
        let max = Number.NEGATIVE_INFINITY;
        for (let t = 0; t < c; t++) if (w[t]! > max) max = w[t]!;
        let sum = 0;
        for (let t = 0; t < c; t++) {
          const e = Math.exp(w[t]! - max);
          w[t] = e;
          sum += e;
        }
        for (let t = 0; t < c; t++) post[p * c + t] = w[t]! / sum;
      }
    }
  };

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    eStep();
    iterations++;
    num.fill(0);
    den.fill(0);
    classMass.fill(0);
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi]!;
      const post = posteriors[gi]!;
      const k = g.raters.length;
      for (let p = 0; p < g.counts.length; p++) {
        const n = g.counts[p]!;
        for (let t = 0; t < c; t++) classMass[t] = classMass[t]! + n * post[p * c + t]!;
        for (let j = 0; j < k; j++) {
          const r = g.raters[j]!;
          const base = r * cc + g.patterns[p * k + j]! * c;
          for (let t = 0; t < c; t++) {
            const m = n * post[p * c + t]!;
            num[base + t] = num[base + t]! + m;
            den[r * c + t] = den[r * c + t]! + m;
          }
        }
      }
    }
    let change = 0;
    for (let r = 0; r < numRaters; r++) {
      for (let t = 0; t < c; t++) {
        const d = den[r * c + t]!;
        // No posterior mass on truth t for this rater: the data say nothing, keep the estimate.
        if (d <= 0) continue;
        for (let s = 0; s < c; s++) {
          const j = r * cc + s * c + t;
          const next = num[j]! / d;
          change = Math.max(change, Math.abs(next - theta[j]!));
          theta[j] = next;
        }
      }
    }
    if (priorMode === "estimate") {
      for (let t = 0; t < c; t++) {
        const next = classMass[t]! / totalVoxels;
        change = Math.max(change, Math.abs(next - prior[t]!));
        prior[t] = next;
      }
    }
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  // Posteriors consistent with the final parameters, not the ones of the last E-step.
  eStep();
  classMass.fill(0);
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    const post = posteriors[gi]!;
    for (let p = 0; p < g.counts.length; p++) {
      for (let t = 0; t < c; t++) classMass[t] = classMass[t]! + g.counts[p]! * post[p * c + t]!;
    }
  }

  const confusion: Float64Array[] = [];
  for (let r = 0; r < numRaters; r++) confusion.push(theta.slice(r * cc, (r + 1) * cc));
  return {
    numClasses: c,
    numRaters,
    confusion,
    prior,
    classMass,
    ratedVoxels,
    iterations,
    converged,
    patternPosteriors: posteriors,
  };
}
