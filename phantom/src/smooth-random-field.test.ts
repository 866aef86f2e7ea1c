import { describe, expect, it } from "vitest";
import { SeededRandom } from "./seeded-random.ts";
import { smoothRandomField } from "./smooth-random-field.ts";

function stats(field: Float32Array, width: number, height: number) {
  let sum = 0;
  let sumSquares = 0;
  let lagProduct = 0;
  let lagCount = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = field[y * width + x]!;
      sum += v;
      sumSquares += v * v;
      if (x + 1 < width) {
        lagProduct += v * field[y * width + x + 1]!;
        lagCount++;
      }
    }
  }
  const n = width * height;
  return {
    mean: sum / n,
    variance: sumSquares / n,
    neighbourCorrelation: lagProduct / lagCount / (sumSquares / n),
  };
}

describe("smoothRandomField", () => {
  it.each([1, 3, 8])(
    "has unit variance at correlation %i px, correlated between neighbours",
    (corr) => {
      const rng = new SeededRandom(21);
      let variance = 0;
      let correlation = 0;
      const fields = 40;
      for (let i = 0; i < fields; i++) {
        const s = stats(smoothRandomField(64, 48, corr, rng), 64, 48);
        variance += s.variance / fields;
        correlation += s.neighbourCorrelation / fields;
      }
      expect(variance).toBeGreaterThan(0.85);
      expect(variance).toBeLessThan(1.15);
      // a Gaussian-smoothed field's lag-1 correlation is exp(-1 / (4 sigma^2))
      expect(correlation).toBeCloseTo(Math.exp(-1 / (4 * corr * corr)), 1);
    },
  );

  it("is reproducible from the generator state", () => {
    const a = smoothRandomField(30, 20, 4, new SeededRandom(2));
    const b = smoothRandomField(30, 20, 4, new SeededRandom(2));
    const c = smoothRandomField(30, 20, 4, new SeededRandom(3));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("rejects a non-positive correlation length", () => {
    expect(() => smoothRandomField(4, 4, 0, new SeededRandom(1))).toThrow(/correlationPx/);
  });
});
