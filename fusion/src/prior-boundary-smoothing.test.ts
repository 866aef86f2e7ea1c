import { describe, expect, it } from "vitest";
import { argmaxLabels } from "./argmax-labels.ts";
import { priorBoundarySmoothing } from "./prior-boundary-smoothing.ts";

const size = 24;

/** One-hot, class-major probabilities of a binary map. */
function oneHot(labels: Uint8Array): Float32Array {
  const p = new Float32Array(2 * labels.length);
  labels.forEach((label, i) => {
    p[label * labels.length + i] = 1;
  });
  return p;
}

function disc(radius: number): Uint8Array {
  const labels = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++)
      labels[y * size + x] = (x - 12) ** 2 + (y - 12) ** 2 <= radius ** 2 ? 1 : 0;
  }
  return labels;
}

describe("prior: boundary smoothing", () => {
  it("removes one-pixel spurs a crowd outline adds to a disc", () => {
    const clean = disc(7);
    const jagged = clean.slice();
    jagged[12 * size + 20] = 1; // a spur one pixel outside the edge (the disc reaches x = 19)
    jagged[4 * size + 12] = 1; // and one above the top (the disc starts at y = 5)
    const smoothed = priorBoundarySmoothing(
      oneHot(jagged),
      { width: size, height: size },
      { numClasses: 2 },
    );
    expect(Array.from(argmaxLabels(smoothed, { numClasses: 2 }))).toEqual(Array.from(clean));
  });

  it("leaves a clean disc's hard label alone and keeps probabilities summing to 1", () => {
    const clean = disc(7);
    const smoothed = priorBoundarySmoothing(
      oneHot(clean),
      { width: size, height: size, depth: 1 },
      { numClasses: 2 },
    );
    expect(Array.from(argmaxLabels(smoothed, { numClasses: 2 }))).toEqual(Array.from(clean));
    for (let i = 0; i < size * size; i++)
      expect(smoothed[i]! + smoothed[size * size + i]!).toBeCloseTo(1, 6);
    // deep inside and far outside nothing changes
    expect(smoothed[size * size + 12 * size + 12]).toBeCloseTo(1, 6);
    expect(smoothed[0]).toBeCloseTo(1, 6);
  });

  it("refuses a sigma that is not a positive pixel width", () => {
    expect(() =>
      priorBoundarySmoothing(
        oneHot(disc(3)),
        { width: size, height: size },
        { numClasses: 2, sigma: 0 },
      ),
    ).toThrow(/sigma must be in \(0, 20\]/);
  });
});
