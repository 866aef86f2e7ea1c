import { describe, expect, it } from "vitest";
import { binaryRaterWithKnownRates } from "./binary-rater.ts";
import { SeededRandom } from "./seeded-random.ts";

describe("binaryRaterWithKnownRates", () => {
  it("flips pixels at the requested sensitivity and specificity, within 0.01", () => {
    const size = 1000;
    const truth = new Uint8Array(size * size);
    // a 30 % foreground rectangle, so both classes are large
    for (let y = 0; y < size; y++) for (let x = 0; x < 300; x++) truth[y * size + x] = 1;
    const rng = new SeededRandom(12);
    for (const rates of [
      { sensitivity: 0.9, specificity: 0.95 },
      { sensitivity: 0.6, specificity: 0.99 },
    ]) {
      const out = binaryRaterWithKnownRates(truth, rates, rng);
      let truePositive = 0;
      let trueNegative = 0;
      let positives = 0;
      for (let i = 0; i < truth.length; i++) {
        if (truth[i] === 1) {
          positives++;
          if (out[i] === 1) truePositive++;
        } else if (out[i] === 0) trueNegative++;
      }
      expect(Math.abs(truePositive / positives - rates.sensitivity)).toBeLessThan(0.01);
      expect(Math.abs(trueNegative / (truth.length - positives) - rates.specificity)).toBeLessThan(
        0.01,
      );
      expect(out.every((v) => v === 0 || v === 1)).toBe(true);
    }
  });

  it("copies the truth at rates 1 and inverts it at rates 0", () => {
    const truth = new Uint8Array([0, 1, 1, 0, 1]);
    const rng = new SeededRandom(1);
    expect(
      Array.from(binaryRaterWithKnownRates(truth, { sensitivity: 1, specificity: 1 }, rng)),
    ).toEqual([0, 1, 1, 0, 1]);
    expect(
      Array.from(binaryRaterWithKnownRates(truth, { sensitivity: 0, specificity: 0 }, rng)),
    ).toEqual([1, 0, 0, 1, 0]);
  });

  it("rejects non-binary truth and rates outside [0, 1]", () => {
    const rng = new SeededRandom(1);
    expect(() =>
      binaryRaterWithKnownRates(
        new Uint8Array([0, 2]),
        { sensitivity: 0.9, specificity: 0.9 },
        rng,
      ),
    ).toThrow(/0\/1/);
    expect(() =>
      binaryRaterWithKnownRates(
        new Uint8Array([0, 1]),
        { sensitivity: 1.1, specificity: 0.9 },
        rng,
      ),
    ).toThrow(/\[0, 1\]/);
  });
});
