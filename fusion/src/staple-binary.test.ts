import { describe, expect, it } from "vitest";
import { FusionError } from "./fusion-error.ts";
import { stapleBinary } from "./staple-binary.ts";
import { stapleStudy } from "./staple-study.ts";
import { seededRandom } from "./test-helpers/seeded-random.ts";
import { binaryRater, concentricTruth } from "./test-helpers/synthetic-raters.ts";

/**
 * Warfield's binary EM written voxel by voxel, straight from the paper's equations, with raters
 * possibly missing (present[r][i] = 0). The fast implementation compresses voxels into rating
 * patterns; this reference does not, so agreement checks that compression is exact.
 */
function referenceStaple(
  masks: Uint8Array[],
  present: Uint8Array[],
  iterations: number,
): { w: Float64Array; p: number[]; q: number[] } {
  const n = masks[0]!.length;
  const r = masks.length;
  let ones = 0;
  let ratings = 0;
  for (let j = 0; j < r; j++) {
    for (let i = 0; i < n; i++) {
      if (!present[j]![i]) continue;
      ratings++;
      ones += masks[j]![i]!;
    }
  }
  const f = ones / ratings;
  const p = new Array<number>(r).fill(0.99);
  const q = new Array<number>(r).fill(0.99);
  const w = new Float64Array(n);
  const eStep = () => {
    for (let i = 0; i < n; i++) {
      let a = f;
      let b = 1 - f;
      for (let j = 0; j < r; j++) {
        if (!present[j]![i]) continue;
        const d = masks[j]![i]!;
        a *= d ? p[j]! : 1 - p[j]!;
        b *= d ? 1 - q[j]! : q[j]!;
      }
      w[i] = a / (a + b);
    }
  };
  for (let it = 0; it < iterations; it++) {
    eStep();
    for (let j = 0; j < r; j++) {
      let sw = 0;
      let swd = 0;
      let s1w = 0;
      let s1wd = 0;
      for (let i = 0; i < n; i++) {
        if (!present[j]![i]) continue;
        const d = masks[j]![i]!;
        sw += w[i]!;
        swd += w[i]! * d;
        s1w += 1 - w[i]!;
        s1wd += (1 - w[i]!) * (1 - d);
      }
      p[j] = swd / sw;
      q[j] = s1wd / s1w;
    }
  }
  eStep();
  return { w, p, q };
}

describe("stapleBinary", () => {
  it("recovers known sensitivities and specificities within 0.01 (balanced biases)", () => {
    const truth = concentricTruth(128, 128, [40]);
    // Over- and under-segmenters in balance, so the rater-mean prior is close to the truth's.
    const rates: [number, number][] = [
      [0.95, 0.9],
      [0.7, 0.98],
      [0.9, 0.95],
      [0.8, 0.99],
      [0.98, 0.85],
    ];
    const masks = rates.map(([se, sp], k) => binaryRater(truth, se, sp, 100 + k));
    for (const prior of ["rater-mean", "estimate"] as const) {
      const result = stapleBinary(masks, { prior });
      expect(result.fit.converged).toBe(true);
      rates.forEach(([se, sp], k) => {
        expect(Math.abs(result.sensitivity[k]! - se)).toBeLessThan(0.01);
        expect(Math.abs(result.specificity[k]! - sp)).toBeLessThan(0.01);
      });
      let wrong = 0;
      for (let i = 0; i < truth.length; i++) if (result.labels[i] !== truth[i]) wrong++;
      expect(wrong / truth.length).toBeLessThan(0.01);
    }
  });

  it("matches a voxel-by-voxel reference EM exactly, including raters missing on some slices", () => {
    const rand = seededRandom(7);
    const truth = concentricTruth(24, 24, [8]);
    const masks = [0, 1, 2, 3].map((k) => binaryRater(truth, 0.7 + 0.07 * k, 0.9, 20 + k));
    // Two "slices": the two halves of the image; rater 3 rates only the first, rater 0 only the second.
    const half = truth.length / 2;
    const present = masks.map((_, j) => {
      const m = new Uint8Array(truth.length).fill(1);
      if (j === 3) m.fill(0, half);
      if (j === 0) m.fill(0, 0, half);
      return m;
    });
    const ref = referenceStaple(masks, present, 12);
    const sliceRaters = [
      [1, 2, 3],
      [0, 1, 2],
    ];
    const study = stapleStudy(
      {
        numClasses: 2,
        numRaters: 4,
        slices: sliceRaters.map((raters, s) => ({
          raters,
          labels: raters.map((j) => masks[j]!.subarray(s * half, (s + 1) * half)),
        })),
      },
      { tolerance: 1e-300, maxIterations: 12 },
    );
    expect(study.fit.iterations).toBe(12);
    for (let j = 0; j < 4; j++) {
      expect(study.fit.confusion[j]![3]).toBeCloseTo(ref.p[j]!, 10);
      expect(study.fit.confusion[j]![0]).toBeCloseTo(ref.q[j]!, 10);
    }
    for (let i = 0; i < 40; i++) {
      const v = Math.floor(rand() * truth.length);
      const s = v < half ? 0 : 1;
      const fg = study.slices[s]!.probabilities[half + (v - s * half)]!;
      expect(fg).toBeCloseTo(ref.w[v]!, 6);
    }
  });

  it("gives defined results for one rater, unanimous raters and empty masks", () => {
    const truth = concentricTruth(16, 16, [5]);
    const one = stapleBinary([truth]);
    expect(Array.from(one.labels)).toEqual(Array.from(truth));
    expect(one.probabilities.every(Number.isFinite)).toBe(true);

    const agree = stapleBinary([truth, truth, truth]);
    expect(Array.from(agree.labels)).toEqual(Array.from(truth));
    expect(Array.from(agree.sensitivity)).toEqual([1, 1, 1]);
    expect(Array.from(agree.specificity)).toEqual([1, 1, 1]);

    const empty = new Uint8Array(256);
    const none = stapleBinary([empty, empty]);
    expect(none.labels.every((v) => v === 0)).toBe(true);
    expect(none.probabilities.subarray(256).every((v) => v === 0)).toBe(true);
    expect(none.sensitivity.every(Number.isFinite)).toBe(true);
    expect(none.specificity[0]).toBe(1);
    expect(none.fit.classMass[1]).toBe(0);
  });

  it("rejects zero raters and mismatched sizes", () => {
    expect(() => stapleBinary([])).toThrow(FusionError);
    expect(() => stapleBinary([new Uint8Array(3), new Uint8Array(4)])).toThrow(/voxels/);
  });

  it("counts voxels in float64, past the 2^24 where a float32 counter stalls", () => {
    const n = 2 ** 24 + 4096;
    const a = new Uint8Array(n).fill(1);
    a[0] = 0;
    const result = stapleBinary([a, a], { maxIterations: 2 });
    // A float32 accumulator would be stuck at 16777216, 4095 short.
    expect(Math.abs(result.fit.classMass[1]! - (n - 1))).toBeLessThan(1);
    expect(result.fit.ratedVoxels[0]).toBe(n);
  });
});
