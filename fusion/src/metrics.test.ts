import { describe, expect, it } from "vitest";
import { brierScore } from "./brier-score.ts";
import { dice } from "./dice.ts";
import { euclideanDistanceTransform } from "./euclidean-distance-transform.ts";
import { expectedCalibrationError } from "./expected-calibration-error.ts";
import { fleissKappa } from "./fleiss-kappa.ts";
import { hausdorff, hausdorff95 } from "./hausdorff.ts";
import { iou } from "./iou.ts";
import { meanSurfaceDistance } from "./mean-surface-distance.ts";
import { pairwiseRaterDice } from "./pairwise-rater-dice.ts";
import { seededRandom } from "./test-helpers/seeded-random.ts";

const u8 = (...v: number[]) => Uint8Array.from(v);

function points(width: number, height: number, pts: [number, number][]): Uint8Array {
  const m = new Uint8Array(width * height);
  for (const [x, y] of pts) m[y * width + x] = 1;
  return m;
}

describe("overlap metrics", () => {
  it("computes Dice and IoU by hand-checked counts, 1 for two empty maps", () => {
    expect(dice(u8(1, 1, 0, 0), u8(1, 0, 1, 0))).toBe(0.5);
    expect(iou(u8(1, 1, 0, 0), u8(1, 0, 1, 0))).toBeCloseTo(1 / 3, 12);
    expect(dice(u8(2, 2, 1), u8(2, 1, 1), { label: 2 })).toBeCloseTo(2 / 3, 12);
    expect(dice(u8(0, 0), u8(0, 0))).toBe(1);
    expect(iou(u8(0, 0), u8(0, 0))).toBe(1);
    expect(dice(u8(1, 0), u8(0, 0))).toBe(0);
  });

  it("builds the pairwise rater Dice matrix", () => {
    const r = pairwiseRaterDice([u8(1, 1, 0, 0), u8(1, 0, 1, 0), u8(1, 1, 0, 0)], {
      numClasses: 2,
    });
    expect(Array.from(r.matrix)).toEqual([1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1]);
    expect(r.mean).toBeCloseTo(2 / 3, 12);
  });
});

describe("euclideanDistanceTransform", () => {
  it("matches brute force on a random anisotropic 3D grid", () => {
    const rand = seededRandom(3);
    const shape = { width: 9, height: 7, depth: 5, spacing: [1, 1.5, 3] as const };
    const f = Uint8Array.from({ length: 9 * 7 * 5 }, () => (rand() < 0.04 ? 1 : 0));
    const d = euclideanDistanceTransform(f, shape);
    for (let i = 0; i < f.length; i++) {
      const [x, y, z] = [i % 9, Math.floor(i / 9) % 7, Math.floor(i / 63)];
      let best = Number.POSITIVE_INFINITY;
      for (let j = 0; j < f.length; j++) {
        if (!f[j]) continue;
        const [u, v, w] = [j % 9, Math.floor(j / 9) % 7, Math.floor(j / 63)];
        best = Math.min(best, Math.hypot(x - u, 1.5 * (y - v), 3 * (z - w)));
      }
      expect(d[i]).toBeCloseTo(best, 9);
    }
    expect(euclideanDistanceTransform(new Uint8Array(4), { width: 2, height: 2 })[0]).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

describe("surface metrics", () => {
  const shape = { width: 12, height: 12 };
  it("gives the 3-4-5 distance between two single pixels", () => {
    const a = points(12, 12, [[1, 1]]);
    const b = points(12, 12, [[4, 5]]);
    expect(hausdorff(a, b, shape)).toBeCloseTo(5, 12);
    expect(meanSurfaceDistance(a, b, shape)).toBeCloseTo(5, 12);
  });

  it("separates max, 95th percentile and mean of the directed distances", () => {
    const a = points(12, 12, [[0, 0]]);
    const b = points(12, 12, [
      [0, 0],
      [0, 10],
    ]);
    // a→b: [0]; b→a: [0, 10]
    expect(hausdorff(a, b, shape)).toBe(10);
    expect(hausdorff95(a, b, shape)).toBeCloseTo(9.5, 12);
    expect(meanSurfaceDistance(a, b, shape)).toBeCloseTo(2.5, 12);
  });

  it("is 0 for two empty maps and Infinity when only one is empty", () => {
    const empty = new Uint8Array(144);
    expect(hausdorff(empty, empty, shape)).toBe(0);
    expect(meanSurfaceDistance(empty, empty, shape)).toBe(0);
    expect(hausdorff(points(12, 12, [[3, 3]]), empty, shape)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("agreement and calibration", () => {
  it("computes Fleiss' kappa by hand (7/15) and 1 for total agreement on one class", () => {
    expect(fleissKappa([u8(0, 0, 1, 1), u8(0, 1, 1, 1)], { numClasses: 2 })).toBeCloseTo(
      7 / 15,
      12,
    );
    expect(fleissKappa([u8(0, 0), u8(0, 0), u8(0, 0)], { numClasses: 3 })).toBe(1);
    // Systematic disagreement is worse than chance.
    expect(fleissKappa([u8(0, 1, 0, 1), u8(1, 0, 1, 0)], { numClasses: 2 })).toBeLessThan(0);
  });

  it("computes the Brier score by hand and respects the mask", () => {
    // voxel 0: p = (0.2, 0.8), ref 1 → 0.08; voxel 1: p = (1, 0), ref 1 → 2
    const p = Float32Array.from([0.2, 1, 0.8, 0]);
    expect(brierScore(p, u8(1, 1), { numClasses: 2 })).toBeCloseTo(1.04, 6);
    expect(brierScore(p, u8(1, 1), { numClasses: 2, mask: u8(1, 0) })).toBeCloseTo(0.08, 6);
  });

  it("scores a calibrated soft label ECE 0 and an overconfident one by its gap", () => {
    const p = new Float32Array(20);
    for (let i = 0; i < 10; i++) {
      p[i] = 0.2;
      p[10 + i] = 0.8;
    }
    const eightOfTen = u8(1, 1, 1, 1, 1, 1, 1, 1, 0, 0);
    expect(expectedCalibrationError(p, eightOfTen, { numClasses: 2 })).toBeCloseTo(0, 6);
    const allOne = new Uint8Array(10).fill(1);
    expect(expectedCalibrationError(p, allOne, { numClasses: 2 })).toBeCloseTo(0.2, 6);
  });
});
