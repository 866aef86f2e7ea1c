import { describe, expect, it } from "vitest";
import { normalizeIntensity } from "./normalize-intensity.ts";

describe("normalizeIntensity", () => {
  it("gives zero mean and unit SD whatever the scanner's scale", () => {
    const image = Float32Array.from({ length: 100 }, (_, i) => 1000 + 37 * Math.sin(i));
    const out = normalizeIntensity(image);
    const mean = out.reduce((a, b) => a + b, 0) / out.length;
    const sd = Math.sqrt(out.reduce((a, b) => a + (b - mean) ** 2, 0) / out.length);
    expect(mean).toBeCloseTo(0, 5);
    expect(sd).toBeCloseTo(1, 5);
    // The same slice at another gain normalises to the same values.
    const scaled = normalizeIntensity(image.map((v) => v * 3 + 7));
    for (let i = 0; i < out.length; i += 9) expect(scaled[i]).toBeCloseTo(out[i]!, 3);
  });

  it("only centres a flat slice and refuses NaN", () => {
    expect([...normalizeIntensity(new Float32Array([5, 5, 5]))]).toEqual([0, 0, 0]);
    expect(() => normalizeIntensity(new Float32Array([1, Number.NaN]))).toThrow(/non-finite/);
  });
});
