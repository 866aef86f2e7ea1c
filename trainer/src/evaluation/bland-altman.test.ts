import { describe, expect, it } from "vitest";
import { blandAltman } from "./bland-altman.ts";

describe("blandAltman", () => {
  // differences d = (1, 0, −1, 4): bias 1; deviations (0, −1, −2, 3), Σ² = 14
  // SD = √(14/3) = 2.160247; limits 1 ± 1.96·2.160247 = 1 ± 4.234084
  const measured = [10, 12, 14, 20];
  const reference = [9, 12, 15, 16];

  it("gives bias, sample SD and limits of agreement of known pairs", () => {
    const r = blandAltman(measured, reference);
    expect(r.n).toBe(4);
    expect(r.bias).toBeCloseTo(1, 12);
    expect(r.sd).toBeCloseTo(2.160247, 6);
    expect(r.lowerLimit).toBeCloseTo(-3.234084, 6);
    expect(r.upperLimit).toBeCloseTo(5.234084, 6);
  });

  it("returns the plot's points: pair mean against measured − reference", () => {
    expect(blandAltman(measured, reference).points).toEqual([
      { mean: 9.5, difference: 1 },
      { mean: 12, difference: 0 },
      { mean: 14.5, difference: -1 },
      { mean: 18, difference: 4 },
    ]);
  });

  it("takes another half-width for the limits", () => {
    const r = blandAltman(measured, reference, { limitFactor: 1 });
    expect(r.upperLimit - r.bias).toBeCloseTo(2.160247, 6);
  });

  it("throws for fewer than 2 pairs, unpaired lengths and non-finite values", () => {
    expect(() => blandAltman([1], [2])).toThrow(/needs ≥ 2 pairs, got 1/);
    expect(() => blandAltman([], [])).toThrow(/got 0/);
    expect(() => blandAltman([1, 2], [1])).toThrow(/2 measurements paired with 1 references/);
    expect(() => blandAltman([1, Number.NaN], [1, 2])).toThrow(/pair 1 .* not finite/);
    expect(() => blandAltman([1, 2], [1, 2], { limitFactor: -1 })).toThrow(/limitFactor/);
  });
});
