import { describe, expect, it } from "vitest";
import { meanPairwiseDice } from "./slice-agreement.ts";

const map = (values: number[]) => Uint8Array.from(values);

describe("meanPairwiseDice", () => {
  it("is 1 for identical maps and averages over foreground classes", () => {
    expect(meanPairwiseDice([map([0, 1, 2, 2]), map([0, 1, 2, 2])], 3)).toBe(1);
    // class 1: 2·1/(1+2) = 2/3; class 2: 2·1/(2+1) = 2/3
    expect(meanPairwiseDice([map([0, 1, 2, 2]), map([0, 1, 1, 2])], 3)).toBeCloseTo(2 / 3);
  });

  it("averages over all pairs of three raters", () => {
    const a = map([1, 1, 0, 0]);
    const b = map([1, 1, 0, 0]);
    const c = map([0, 0, 1, 1]);
    // pairs: a–b 1, a–c 0, b–c 0
    expect(meanPairwiseDice([a, b, c], 2)).toBeCloseTo(1 / 3);
  });

  it("leaves out classes neither rater used, and is null without two raters or foreground", () => {
    expect(meanPairwiseDice([map([0, 1]), map([0, 1])], 4)).toBe(1);
    expect(meanPairwiseDice([map([0, 1])], 2)).toBeNull();
    expect(meanPairwiseDice([map([0, 0]), map([0, 0])], 2)).toBeNull();
  });
});
