import { describe, expect, it } from "vitest";
import { autoWindow } from "./auto-window.ts";
import { ImagingError } from "./imaging-error.ts";

describe("autoWindow", () => {
  it("interpolates percentiles between order statistics", () => {
    // Shuffled 0..999: the p-th percentile of 0..n−1 is p/100·(n−1).
    const values = Float32Array.from({ length: 1000 }, (_, i) => (i * 617) % 1000);
    const window = autoWindow(values);
    expect(window.min).toBeCloseTo(4.995, 9);
    expect(window.max).toBeCloseTo(994.005, 9);
    expect(autoWindow(values, { lowPercentile: 0, highPercentile: 100 })).toEqual({
      min: 0,
      max: 999,
    });
    expect(autoWindow(values, { lowPercentile: 50, highPercentile: 50 })).toEqual({
      min: 499.5,
      max: 499.5,
    });
  });

  it("is not pulled by a few extreme voxels, and skips NaN", () => {
    const values = new Float32Array(10_000).map((_, i) => (i % 100) / 100);
    values[0] = 1e6;
    values[1] = -1e6;
    values[2] = Number.NaN;
    const window = autoWindow(values);
    expect(window.min).toBeGreaterThanOrEqual(0);
    expect(window.max).toBeLessThanOrEqual(1);
    expect(window.max).toBeGreaterThan(0.9);
  });

  it("refuses bad percentiles and data without a finite value", () => {
    expect(() =>
      autoWindow(new Float32Array([1]), { lowPercentile: 60, highPercentile: 40 }),
    ).toThrow(/0 ≤ low ≤ high ≤ 100, got low 60 and high 40/);
    expect(() => autoWindow(Float32Array.from([Number.NaN, Number.POSITIVE_INFINITY]))).toThrow(
      new ImagingError(
        "invalid_argument",
        "cannot choose a display window: none of the 2 values is a finite number",
      ),
    );
  });
});
