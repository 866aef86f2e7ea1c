import { describe, expect, it } from "vitest";
import { segmentationScores } from "./segmentation-scores.ts";

/** An 8×8 slice with a 4×4 square of `label` whose left column is x0, rows 2..5. */
function square(x0: number, label: number, extra?: [number, number, number]): Uint8Array {
  const out = new Uint8Array(64);
  for (let y = 2; y < 6; y++) for (let x = x0; x < x0 + 4; x++) out[y * 8 + x] = label;
  if (extra) out[extra[1] * 8 + extra[0]] = extra[2];
  return out;
}

const grid = { width: 8, height: 8, depth: 1, spacing: [1.5, 1.5, 10] as const };

describe("segmentationScores", () => {
  it("scores a square shifted by one voxel: Dice 0.75, HD95 one voxel in mm", () => {
    // Overlap 3×4 = 12 of 16 + 16 → Dice 24/32 = 0.75.
    // Surface of A (12 pixels) to surface of B: the left column (4) and the right column's
    // 2 inner pixels are 1 voxel away, the top and bottom rows' 6 lie on B's rows: sorted
    // distances are six 0 and six 1.5 mm, so the 95th percentile is 1.5; B to A is symmetric.
    const r = segmentationScores(square(3, 3), square(2, 3), grid, { labels: [3] });
    expect(r.scores).toEqual([{ label: 3, dice: 0.75, hd95: 1.5 }]);
    expect(r.distanceUnit).toBe("mm");
  });

  it("reports HD95 in voxels when the spacing is unknown", () => {
    const r = segmentationScores(
      square(3, 3),
      square(2, 3),
      { ...grid, spacing: null },
      {
        labels: [3],
      },
    );
    expect(r.scores[0]!.hd95).toBe(1);
    expect(r.distanceUnit).toBe("voxels");
  });

  it("scores each requested class in order, with the conventions for absent classes", () => {
    // label 1 absent from both: Dice 1, HD95 0; label 2 only in the prediction: 0, Infinity
    const predicted = square(2, 3, [7, 7, 2]);
    const r = segmentationScores(predicted, square(2, 3), grid, { labels: [1, 2, 3] });
    expect(r.scores).toEqual([
      { label: 1, dice: 1, hd95: 0 },
      { label: 2, dice: 0, hd95: Number.POSITIVE_INFINITY },
      { label: 3, dice: 1, hd95: 0 },
    ]);
  });

  it("throws for volumes that do not fill the grid and for an empty label list", () => {
    expect(() =>
      segmentationScores(new Uint8Array(63), square(2, 3), grid, { labels: [3] }),
    ).toThrow(/predicted: 63 labels do not fill a 8×8×1 grid/);
    expect(() => segmentationScores(square(2, 3), square(2, 3), grid, { labels: [] })).toThrow(
      /no labels/,
    );
  });
});
