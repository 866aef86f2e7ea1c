import { describe, expect, it } from "vitest";
import { resampleBilinear } from "./resample-bilinear.ts";

describe("resampleBilinear", () => {
  it("doubles a row by half-pixel-centred linear interpolation, clamping at the edges", () => {
    // Output centres at 0.25, 0.75, 1.25, 1.75 in input pixels: weights (1), (3/4, 1/4), (1/4, 3/4), (1).
    const out = resampleBilinear(
      new Float32Array([0, 4]),
      { channels: 1, width: 2, height: 1 },
      { width: 4, height: 1 },
    );
    expect([...out]).toEqual([0, 1, 3, 4]);
  });

  it("averages a whole 4×4 block when shrinking fourfold, so a one-pixel line keeps its share", () => {
    const width = 16;
    const image = new Float32Array(width * width);
    for (let y = 0; y < width; y++) image[y * width + 5] = 1; // one column, x = 5
    const out = resampleBilinear(
      image,
      { channels: 1, width, height: width },
      { width: 4, height: 4 },
    );
    let mass = 0;
    for (const v of out) mass += v;
    // Plain 2×2 bilinear taps columns 1–2, 5–6, 9–10, 13–14 and would see the line at 1/2
    // strength or miss it by a pixel's shift; the widened triangle keeps about its area (1/16 of 16 px).
    expect(mass / out.length).toBeCloseTo(1 / 16, 2);
    expect(Math.max(...out)).toBeLessThan(0.5);
    expect(out[1]).toBeGreaterThan(0.1);
  });

  it("keeps constants constant and each channel separate", () => {
    const planes = new Float32Array(2 * 6 * 5);
    planes.fill(0.25, 0, 30);
    planes.fill(0.75, 30);
    const out = resampleBilinear(
      planes,
      { channels: 2, width: 6, height: 5 },
      { width: 13, height: 3 },
    );
    expect(out).toHaveLength(2 * 13 * 3);
    for (let i = 0; i < 39; i++) expect(out[i]).toBeCloseTo(0.25, 6);
    for (let i = 39; i < 78; i++) expect(out[i]).toBeCloseTo(0.75, 6);
  });

  it("returns a copy at the same size and refuses sizes that do not add up", () => {
    const planes = new Float32Array([1, 2, 3, 4]);
    const same = resampleBilinear(
      planes,
      { channels: 1, width: 2, height: 2 },
      { width: 2, height: 2 },
    );
    expect([...same]).toEqual([1, 2, 3, 4]);
    expect(same).not.toBe(planes);
    expect(() =>
      resampleBilinear(planes, { channels: 2, width: 2, height: 2 }, { width: 4, height: 4 }),
    ).toThrow(/do not fill 2 planes of 2×2/);
    expect(() =>
      resampleBilinear(planes, { channels: 1, width: 2, height: 2 }, { width: 0, height: 4 }),
    ).toThrow(/target width must be a positive integer/);
  });
});
