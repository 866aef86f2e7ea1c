import { describe, expect, it } from "vitest";
import { stapleMultiLabel } from "./staple-multilabel.ts";
import { concentricTruth, confusionRater } from "./test-helpers/synthetic-raters.ts";

/** Confusion matrix [observed * C + truth] from per-truth-class rows of answer probabilities. */
function matrix(columns: number[][]): number[] {
  const c = columns.length;
  const m = new Array<number>(c * c).fill(0);
  columns.forEach((col, t) => {
    col.forEach((p, s) => {
      m[s * c + t] = p;
    });
  });
  return m;
}

function empiricalConfusion(map: Uint8Array, truth: Uint8Array, c: number): number[] {
  const counts = new Array<number>(c * c).fill(0);
  const totals = new Array<number>(c).fill(0);
  for (let i = 0; i < truth.length; i++) {
    counts[map[i]! * c + truth[i]!]!++;
    totals[truth[i]!]!++;
  }
  return counts.map((v, j) => v / totals[j % c]!);
}

describe("stapleMultiLabel", () => {
  it("recovers each rater's confusion matrix within 0.01", () => {
    const truth = concentricTruth(160, 160, [60, 40, 20]);
    const raters = [
      matrix([
        [0.95, 0.03, 0.01, 0.01],
        [0.05, 0.9, 0.05, 0],
        [0, 0.1, 0.85, 0.05],
        [0, 0, 0.05, 0.95],
      ]),
      matrix([
        [0.9, 0.06, 0.02, 0.02],
        [0.02, 0.93, 0.05, 0],
        [0.02, 0.03, 0.9, 0.05],
        [0, 0.02, 0.13, 0.85],
      ]),
      matrix([
        [0.97, 0.01, 0.01, 0.01],
        [0.1, 0.85, 0.05, 0],
        [0, 0.02, 0.95, 0.03],
        [0.01, 0.01, 0.03, 0.95],
      ]),
      matrix([
        [0.92, 0.04, 0.04, 0],
        [0.03, 0.95, 0.02, 0],
        [0.01, 0.05, 0.9, 0.04],
        [0, 0, 0.08, 0.92],
      ]),
      matrix([
        [0.96, 0.02, 0.01, 0.01],
        [0.05, 0.88, 0.07, 0],
        [0, 0.04, 0.92, 0.04],
        [0, 0.01, 0.05, 0.94],
      ]),
    ];
    const labels = raters.map((m, k) => confusionRater(truth, m, 4, 300 + k));
    const result = stapleMultiLabel(labels, { numClasses: 4, prior: "estimate" });
    expect(result.fit.converged).toBe(true);
    // Compared with each rater's realised confusion against the truth: the smallest class has
    // ~1,250 voxels, so the nominal rates themselves are only met to about ±0.01 by sampling.
    labels.forEach((map, k) => {
      const realised = empiricalConfusion(map, truth, 4);
      realised.forEach((expected, j) => {
        expect(Math.abs(result.fit.confusion[k]![j]! - expected)).toBeLessThan(0.01);
        expect(Math.abs(expected - raters[k]![j]!)).toBeLessThan(0.05);
      });
    });
    let wrong = 0;
    for (let i = 0; i < truth.length; i++) if (result.labels[i] !== truth[i]) wrong++;
    expect(wrong / truth.length).toBeLessThan(0.005);
    // Posteriors are distributions: each voxel's class probabilities sum to 1.
    const n = truth.length;
    for (let i = 0; i < n; i += 97) {
      let s = 0;
      for (let t = 0; t < 4; t++) s += result.probabilities[t * n + i]!;
      expect(s).toBeCloseTo(1, 5);
    }
  });

  it("gives a class nobody used zero probability and no NaN anywhere", () => {
    const truth = concentricTruth(32, 32, [10]);
    const a = truth;
    const b = Uint8Array.from(truth, (v, i) => (i % 17 === 0 ? 1 - v : v));
    for (const prior of ["rater-mean", "estimate"] as const) {
      const result = stapleMultiLabel([a, b, a], { numClasses: 3, prior });
      const n = truth.length;
      expect(result.probabilities.every(Number.isFinite)).toBe(true);
      expect(result.probabilities.subarray(2 * n).every((v) => v === 0)).toBe(true);
      expect(result.fit.classMass[2]).toBe(0);
      for (const m of result.fit.confusion) expect(m.every(Number.isFinite)).toBe(true);
      expect(Array.from(result.labels)).toEqual(Array.from(truth));
    }
  });
});
