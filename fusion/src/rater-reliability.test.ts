import { describe, expect, it } from "vitest";
import { estimateRaterReliability } from "./rater-reliability.ts";
import { softLabelsReliabilityWeighted } from "./soft-labels-reliability-weighted.ts";
import type { RatedSlice } from "./study-ratings.ts";
import { seededRandom } from "./test-helpers/seeded-random.ts";
import { binaryRater, concentricTruth } from "./test-helpers/synthetic-raters.ts";

const u8 = (...v: number[]) => Uint8Array.from(v);

describe("estimateRaterReliability", () => {
  it("counts confusion against the reference on gold slices, pooled over slices", () => {
    const reference = [u8(0, 0, 1, 1), u8(1, 1, 0, 0)];
    // Rater 0: one false positive on slice 0, one false negative on slice 1.
    const slices: RatedSlice[] = [
      { raters: [0], labels: [u8(1, 0, 1, 1)] },
      { raters: [0], labels: [u8(1, 0, 0, 0)] },
    ];
    const rel = estimateRaterReliability({ numClasses: 2, numRaters: 1, slices }, { reference });
    expect(rel.source).toEqual(["gold"]);
    expect(rel.goldVoxels[0]).toBe(8);
    // sensitivity 3/4, specificity 3/4 → J = 0.5
    expect(rel.confusion[0]![3]).toBeCloseTo(0.75, 12);
    expect(rel.confusion[0]![0]).toBeCloseTo(0.75, 12);
    expect(rel.reliability[0]).toBeCloseTo(0.5, 12);
  });

  it("falls back to study-wide STAPLE without gold, handles partial and absent raters", () => {
    const rand = seededRandom(11);
    const numSlices = 12;
    const slices: RatedSlice[] = [];
    for (let s = 0; s < numSlices; s++) {
      const truth = concentricTruth(40, 40, [8 + (s % 5)]);
      const raters = [0, 1, 2];
      // Rater 3 (a careful rater) only labels every third slice; rater 4 never labels.
      if (s % 3 === 0) raters.push(3);
      const labels = raters.map((r) => {
        if (r === 2) return Uint8Array.from(truth, () => (rand() < 0.3 ? 1 : 0)); // spammer
        const [se, sp] = r === 3 ? [0.97, 0.99] : [0.85, 0.95];
        return binaryRater(truth, se, sp, 500 + 10 * s + r);
      });
      slices.push({ raters, labels });
    }
    const rel = estimateRaterReliability({ numClasses: 2, numRaters: 5, slices });
    expect(rel.source).toEqual(["staple", "staple", "staple", "staple", "none"]);
    expect(rel.reliability[4]).toBe(0);
    expect(rel.reliability[2]).toBeLessThan(0.05);
    expect(rel.reliability[0]).toBeGreaterThan(0.7);
    expect(rel.reliability[3]).toBeGreaterThan(rel.reliability[0]!);
    expect(rel.reliability[3]! - (0.97 + 0.99 - 1)).toBeLessThan(0.05);
  });
});

describe("softLabelsReliabilityWeighted", () => {
  it("silences zero-reliability raters and falls back to the mean where no one is trusted", () => {
    const slices: RatedSlice[] = [
      { raters: [0, 1, 2], labels: [u8(1, 1), u8(0, 1), u8(0, 0)] },
      { raters: [2], labels: [u8(1, 0)] },
    ];
    const out = softLabelsReliabilityWeighted(
      { numClasses: 2, numRaters: 3, slices },
      { reliability: [0.9, 0.3, 0] },
    );
    expect(out.fallbackSlices).toEqual([1]);
    // voxel 0: rater 0 (0.9) says 1, rater 1 (0.3) says 0 → p(1) = 0.75; rater 2 ignored
    expect(out.slices[0]!.probabilities[2]).toBeCloseTo(0.75, 6);
    expect(Array.from(out.slices[0]!.labels)).toEqual([1, 1]);
    expect(Array.from(out.slices[1]!.labels)).toEqual([1, 0]);
  });
});
