import { describe, expect, it } from "vitest";
import { clinicalIndices } from "./clinical-indices.ts";
import { EvaluationError } from "./evaluation-error.ts";
import { concentricHeart, HEART_HEIGHT, HEART_WIDTH } from "./testing/concentric-heart.ts";
import type { LabelVolume, Spacing } from "./volume-grid.ts";

const SPACING: Spacing = [1.5, 1.5, 10];

function volume(lvRadius: number, spacing: Spacing | null = SPACING): LabelVolume {
  return {
    labels: concentricHeart({ lvRadius, myocardiumRadius: 7, rvRadius: 2, slices: 2 }),
    width: HEART_WIDTH,
    height: HEART_HEIGHT,
    depth: 2,
    spacing,
  };
}

const count = (labels: Uint8Array, label: number) => labels.filter((v) => v === label).length;

describe("clinicalIndices", () => {
  it("paints discs with the Gauss circle counts the expected values rest on", () => {
    expect(count(volume(5).labels, 3)).toBe(2 * 81);
    expect(count(volume(5).labels, 2)).toBe(2 * (149 - 81));
    expect(count(volume(3).labels, 3)).toBe(2 * 29);
  });

  it("gives EDV, ESV, EF and mass in mL and g from a 1.5 × 1.5 × 10 mm spacing", () => {
    // voxel = 22.5 mm³ = 0.0225 mL
    // ED: LV radius 5 on 2 slices = 162 voxels → 3.645 mL; ES: radius 3 → 58 voxels → 1.305 mL
    // EF = (162 − 58)/162 = 0.641975
    // myocardium at ED: (149 − 81)·2 = 136 voxels → 3.06 mL × 1.05 g/mL = 3.213 g
    const indices = clinicalIndices(volume(5), volume(3));
    expect(indices.edv).toBeCloseTo(3.645, 10);
    expect(indices.esv).toBeCloseTo(1.305, 10);
    expect(indices.ejectionFraction).toBeCloseTo(0.641975, 6);
    expect(indices.myocardialMass).toBeCloseTo(3.213, 10);
    expect([indices.volumeUnit, indices.massUnit]).toEqual(["mL", "g"]);
  });

  it("counts voxels, and says so, when the spacing is unknown; EF is the same ratio", () => {
    const indices = clinicalIndices(volume(5, null), volume(3, null));
    expect(indices).toEqual({
      edv: 162,
      esv: 58,
      ejectionFraction: 104 / 162,
      myocardialMass: 136,
      volumeUnit: "voxels",
      massUnit: "voxels",
    });
  });

  it("takes the density and the label of each structure from the options", () => {
    // density 1 g/mL: mass = 3.06 g
    expect(clinicalIndices(volume(5), volume(3), { myocardialDensity: 1 }).myocardialMass).toBe(
      136 * 0.0225,
    );
    // labels swapped: "LV" is now the ring, 136 voxels at ED and (149 − 29)·2 = 240 at ES
    const swapped = { background: 0, rv: 1, myocardium: 3, lv: 2 };
    const indices = clinicalIndices(volume(5, null), volume(3, null), { classes: swapped });
    expect([indices.edv, indices.esv, indices.myocardialMass]).toEqual([136, 240, 162]);
    expect(indices.ejectionFraction).toBeCloseTo((136 - 240) / 136, 12);
  });

  it("throws when EF is 0/0, units would mix, or a volume does not fill its grid", () => {
    const noLv = { ...volume(5), labels: volume(5).labels.map((v) => (v === 3 ? 0 : v)) };
    expect(() => clinicalIndices(noLv, volume(3))).toThrow(/no LV cavity \(label 3\) at ED/);
    expect(() => clinicalIndices(volume(5), volume(3, null))).toThrow(EvaluationError);
    expect(() => clinicalIndices(volume(5), volume(3, null))).toThrow(/mix mL and voxels/);
    expect(() => clinicalIndices({ ...volume(5), depth: 3 }, volume(3))).toThrow(
      /ED: 960 labels do not fill a 24×20×3 grid/,
    );
    expect(() => clinicalIndices(volume(5, [1.5, 0, 10]), volume(3))).toThrow(/spacing/);
    expect(() => clinicalIndices(volume(5), volume(3), { myocardialDensity: 0 })).toThrow(
      /myocardialDensity/,
    );
  });
});
