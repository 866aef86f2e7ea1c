import { describe, expect, it } from "vitest";
import { FusionError } from "./fusion-error.ts";
import { majorityVote } from "./majority-vote.ts";
import { weightedVote } from "./weighted-vote.ts";

const u8 = (...v: number[]) => Uint8Array.from(v);

describe("majorityVote", () => {
  it("takes the plurality class and reports vote fractions", () => {
    const r = majorityVote([u8(0, 1, 2, 2), u8(1, 1, 2, 0), u8(1, 0, 1, 0)], { numClasses: 3 });
    expect(Array.from(r.labels)).toEqual([1, 1, 2, 0]);
    // voxel 0: votes 0,1,1 → p(1) = 2/3
    expect(r.probabilities[1 * 4 + 0]).toBeCloseTo(2 / 3, 6);
    expect(r.probabilities[0 * 4 + 0]).toBeCloseTo(1 / 3, 6);
  });

  it("breaks ties toward the lowest class by default, or by the stated priority", () => {
    const maps = [u8(0, 2, 1), u8(1, 1, 2)];
    expect(Array.from(majorityVote(maps, { numClasses: 3 }).labels)).toEqual([0, 1, 1]);
    const foregroundFirst = majorityVote(maps, { numClasses: 3, tiePriority: [2, 1, 0] });
    expect(Array.from(foregroundFirst.labels)).toEqual([1, 2, 2]);
  });

  it("throws a coded error on bad input", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof FusionError ? e.code : "other";
      }
      return "none";
    };
    expect(code(() => majorityVote([], { numClasses: 2 }))).toBe("NO_RATERS");
    expect(code(() => majorityVote([u8(0, 1), u8(0)], { numClasses: 2 }))).toBe("SIZE_MISMATCH");
    expect(code(() => majorityVote([u8(0, 3)], { numClasses: 2 }))).toBe("LABEL_OUT_OF_RANGE");
    expect(code(() => majorityVote([u8(0)], { numClasses: 2, tiePriority: [0, 0] }))).toBe(
      "BAD_OPTION",
    );
  });
});

describe("weightedVote", () => {
  it("lets one heavy rater outvote two light ones", () => {
    const r = weightedVote([u8(1, 0), u8(0, 0), u8(0, 1)], {
      numClasses: 2,
      weights: [3, 1, 1],
    });
    expect(Array.from(r.labels)).toEqual([1, 0]);
    expect(r.probabilities[2 + 0]).toBeCloseTo(0.6, 6);
    expect(r.probabilities[2 + 1]).toBeCloseTo(0.2, 6);
  });

  it("ignores zero-weight raters and rejects weights that cannot normalise", () => {
    const r = weightedVote([u8(1, 1), u8(0, 0)], { numClasses: 2, weights: [0, 2] });
    expect(Array.from(r.labels)).toEqual([0, 0]);
    expect(() => weightedVote([u8(1)], { numClasses: 2, weights: [0] })).toThrow(/sum to 0/);
    expect(() => weightedVote([u8(1)], { numClasses: 2, weights: [-1] })).toThrow(FusionError);
    expect(() => weightedVote([u8(1)], { numClasses: 2, weights: [1, 1] })).toThrow(FusionError);
  });
});
