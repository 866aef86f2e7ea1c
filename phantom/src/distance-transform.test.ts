import { describe, expect, it } from "vitest";
import { signedDistance, squaredDistanceTransform } from "./distance-transform.ts";
import { SeededRandom } from "./seeded-random.ts";

function bruteForce(mask: Uint8Array, width: number, height: number, target: 0 | 1): number[] {
  const out: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let best = 1e20;
      for (let v = 0; v < height; v++) {
        for (let u = 0; u < width; u++) {
          if ((mask[v * width + u]! !== 0 ? 1 : 0) === target) {
            best = Math.min(best, (x - u) ** 2 + (y - v) ** 2);
          }
        }
      }
      out.push(best);
    }
  }
  return out;
}

describe("squaredDistanceTransform", () => {
  it("equals brute force on random masks of varied density", () => {
    const rng = new SeededRandom(3);
    for (const density of [0.02, 0.3, 0.9]) {
      const width = 23;
      const height = 17;
      const mask = new Uint8Array(width * height).map(() => (rng.chance(density) ? 1 : 0));
      for (const target of [0, 1] as const) {
        const fast = Array.from(squaredDistanceTransform(mask, width, height, target));
        expect(fast).toEqual(bruteForce(mask, width, height, target));
      }
    }
  });

  it("reports 1e20 where the target never occurs", () => {
    const d = squaredDistanceTransform(new Uint8Array(12), 4, 3, 1);
    expect(Array.from(d).every((v) => v >= 1e20)).toBe(true);
  });

  it("rejects a mask of the wrong size", () => {
    expect(() => squaredDistanceTransform(new Uint8Array(5), 2, 3, 0)).toThrow(/expected 6/);
  });
});

describe("signedDistance", () => {
  it("puts the boundary half-way between pixels, so thresholding at 0 returns the mask", () => {
    const rng = new SeededRandom(8);
    const mask = new Uint8Array(30 * 20).map(() => (rng.chance(0.4) ? 1 : 0));
    const sdf = signedDistance(mask, 30, 20);
    expect(Array.from(sdf, (v) => (v < 0 ? 1 : 0))).toEqual(Array.from(mask));
  });

  it("dilates a single pixel by r into the Euclidean disc of radius r + 0.5", () => {
    const size = 21;
    const mask = new Uint8Array(size * size);
    mask[10 * size + 10] = 1;
    const sdf = signedDistance(mask, size, size);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const inside = Math.hypot(x - 10, y - 10) < 3.5;
        expect(sdf[y * size + x]! < 3).toBe(inside);
      }
    }
  });
});
