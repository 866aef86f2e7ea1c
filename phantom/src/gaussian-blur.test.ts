import { describe, expect, it } from "vitest";
import { gaussianBlur, gaussianKernel } from "./gaussian-blur.ts";

describe("gaussianBlur", () => {
  it("has normalised, symmetric taps", () => {
    const taps = gaussianKernel(1.3);
    expect(taps.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(taps[0]).toBeCloseTo(taps[taps.length - 1]!, 15);
    expect(taps.length).toBe(2 * Math.ceil(3 * 1.3) + 1);
  });

  it("keeps a flat image flat and spreads a point by the given sigma", () => {
    const flat = new Float32Array(15 * 9).fill(0.7);
    expect(Array.from(gaussianBlur(flat, 15, 9, 2)).every((v) => Math.abs(v - 0.7) < 1e-6)).toBe(
      true,
    );
    const size = 41;
    const point = new Float32Array(size * size);
    point[20 * size + 20] = 1;
    const blurred = gaussianBlur(point, size, size, 2);
    let total = 0;
    let spread = 0;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        total += blurred[y * size + x]!;
        spread += blurred[y * size + x]! * (x - 20) ** 2;
      }
    }
    expect(total).toBeCloseTo(1, 5);
    // the kernel is truncated at 3 sigma, which trims the variance by about 1 %
    expect(Math.sqrt(spread)).toBeGreaterThan(1.97);
    expect(Math.sqrt(spread)).toBeLessThan(2.01);
  });

  it("rejects a negative sigma and a wrong size", () => {
    expect(() => gaussianBlur(new Float32Array(4), 2, 2, -1)).toThrow(/sigma/);
    expect(() => gaussianBlur(new Float32Array(4), 3, 2, 1)).toThrow(/expected 6/);
  });
});
