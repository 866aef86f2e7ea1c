import { describe, expect, it } from "vitest";
import { oneHotPlanes, resampleProbabilities } from "./resample-probabilities.ts";

describe("resampleProbabilities", () => {
  it("gives boundary pixels the share of each class they cover, not the nearest class", () => {
    // 8×8 labels: class 2 in the left three columns, class 0 elsewhere; shrunk to 2×2.
    const labels = new Uint8Array(64);
    for (let y = 0; y < 8; y++) for (let x = 0; x < 3; x++) labels[y * 8 + x] = 2;
    const out = resampleProbabilities(
      oneHotPlanes(labels, 3),
      { classes: 3, width: 8, height: 8 },
      { width: 2, height: 2 },
    );
    const n = 4;
    const left = out[2 * n]!; // class 2 at (0, 0)
    expect(left).toBeGreaterThan(0.5);
    expect(left).toBeLessThan(1);
    expect(out[0]).toBeCloseTo(1 - left, 6); // the rest of (0, 0) is background
    for (let i = 0; i < n; i++) expect(out[n + i]).toBe(0); // class 1 is nowhere
    // The right pixel's filter (±4 input pixels) just reaches column 2: a little class 2.
    expect(out[2 * n + 1]).toBeGreaterThan(0);
    expect(out[2 * n + 1]).toBeLessThan(0.1);
    for (let i = 0; i < n; i++) expect(out[i]! + out[n + i]! + out[2 * n + i]!).toBeCloseTo(1, 6);
  });

  it("renormalises quantised soft labels to sum to one", () => {
    // 255-quantised probabilities that sum to 254/255 and 256/255.
    const p = new Float32Array([100 / 255, 200 / 255, 154 / 255, 56 / 255]);
    const out = resampleProbabilities(
      p,
      { classes: 2, width: 2, height: 1 },
      { width: 2, height: 1 },
    );
    expect(out[0]! + out[2]!).toBeCloseTo(1, 6);
    expect(out[1]! + out[3]!).toBeCloseTo(1, 6);
    expect(out[0]).toBeCloseTo(100 / 254, 6);
  });

  it("refuses labels beyond the classes and pixels with no probability", () => {
    expect(() => oneHotPlanes(new Uint8Array([0, 4]), 4)).toThrow(/pixel 1 has label 4/);
    expect(() =>
      resampleProbabilities(
        new Float32Array(4),
        { classes: 2, width: 2, height: 1 },
        { width: 1, height: 1 },
      ),
    ).toThrow(/no probability mass/);
  });
});
