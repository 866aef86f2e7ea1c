import { describe, expect, it } from "vitest";
import {
  type EvaluateVolumesOptions,
  evaluateVolumes,
  type VolumePair,
} from "./evaluate-volumes.ts";
import { concentricHeart, HEART_HEIGHT, HEART_WIDTH } from "./testing/concentric-heart.ts";
import type { Spacing } from "./volume-grid.ts";

const SPACING: Spacing = [1.5, 1.5, 10]; // voxel 0.0225 mL
const heart = (lvRadius: number) =>
  concentricHeart({ lvRadius, myocardiumRadius: 7, rvRadius: 2, slices: 2 });

function pair(
  patientId: string,
  phase: "ED" | "ES",
  predictedLv: number,
  spacing: Spacing | null = SPACING,
): VolumePair {
  // Reference LV radius 5 at ED (81 px/slice), 3 at ES (29 px/slice), on 2 slices.
  const referenceLv = phase === "ED" ? 5 : 3;
  return {
    patientId,
    phase,
    predicted: heart(predictedLv),
    reference: heart(referenceLv),
    width: HEART_WIDTH,
    height: HEART_HEIGHT,
    depth: 2,
    spacing,
  };
}

// A: perfect. B: LV too small at ED (radius 4, 49 px/slice). C: LV too small at ES (radius 2,
// 13 px/slice). D: ED only.
const cohort = [
  pair("A", "ED", 5),
  pair("A", "ES", 3),
  pair("B", "ED", 4),
  pair("B", "ES", 3),
  pair("C", "ES", 2),
  pair("C", "ED", 5),
  pair("D", "ED", 5),
];

describe("evaluateVolumes", () => {
  const result = evaluateVolumes(cohort);

  it("scores every volume per structure, in input order", () => {
    expect(result.volumes.map((v) => `${v.patientId}${v.phase}`)).toEqual([
      "AED",
      "AES",
      "BED",
      "BES",
      "CES",
      "CED",
      "DED",
    ]);
    const perfect = result.volumes[0]!;
    expect(perfect.distanceUnit).toBe("mm");
    expect(perfect.scores).toEqual([
      { structure: "rv", label: 1, dice: 1, hd95: 0 },
      { structure: "myocardium", label: 2, dice: 1, hd95: 0 },
      { structure: "lv", label: 3, dice: 1, hd95: 0 },
    ]);
    // B at ED: predicted LV (49/slice) inside the reference's (81): Dice 2·49/(49 + 81)
    // = 0.753846; predicted ring 149 − 49 = 100 holds the reference ring 68: 136/168 = 0.809524.
    const [rv, myo, lv] = result.volumes[2]!.scores;
    expect(rv!.dice).toBe(1);
    expect(myo!.dice).toBeCloseTo(0.809524, 6);
    expect(lv!.dice).toBeCloseTo(0.753846, 6);
    // The LV boundaries lie about one in-plane voxel apart: between 1 and √2 voxels of 1.5 mm.
    expect(lv!.hd95).toBeGreaterThanOrEqual(1.5);
    expect(lv!.hd95).toBeLessThanOrEqual(1.5 * Math.SQRT2);
  });

  it("computes clinical indices per complete patient, from prediction and reference", () => {
    expect(result.patients.map((p) => p.patientId)).toEqual(["A", "B", "C"]);
    expect(result.incompletePatients).toEqual(["D"]);
    const b = result.patients[1]!;
    // reference: EDV 162·0.0225 = 3.645 mL, ESV 58·0.0225 = 1.305 mL, mass 136·0.0225·1.05
    expect(b.reference.edv).toBeCloseTo(3.645, 10);
    expect(b.reference.myocardialMass).toBeCloseTo(3.213, 10);
    // predicted: EDV 98·0.0225 = 2.205 mL, EF (98 − 58)/98, mass 200·0.0225·1.05 = 4.725 g
    expect(b.predicted.edv).toBeCloseTo(2.205, 10);
    expect(b.predicted.ejectionFraction).toBeCloseTo(40 / 98, 10);
    expect(b.predicted.myocardialMass).toBeCloseTo(4.725, 10);
  });

  it("gives Bland–Altman of predicted against reference per index, with units", () => {
    const agreement = result.agreement!;
    // EDV differences (A, B, C) = (0, −1.44, 0) mL: bias −0.48; deviations (0.48, −0.96, 0.48),
    // Σ² = 1.3824, SD = √0.6912 = 0.831384; limits −0.48 ± 1.629513.
    expect(agreement.edv.bias).toBeCloseTo(-0.48, 10);
    expect(agreement.edv.sd).toBeCloseTo(0.831384, 6);
    expect(agreement.edv.lowerLimit).toBeCloseTo(-2.109513, 6);
    expect(agreement.edv.unit).toBe("mL");
    // ESV differences (0, 0, (26 − 58)·0.0225 = −0.72): bias −0.24, SD √0.1728 = 0.415692
    expect(agreement.esv.bias).toBeCloseTo(-0.24, 10);
    expect(agreement.esv.sd).toBeCloseTo(0.415692, 6);
    // EF differences (0, 40/98 − 104/162, 136/162 − 104/162) = (0, −0.233812, 0.197531)
    expect(agreement.ejectionFraction.bias).toBeCloseTo(-0.012094, 6);
    expect(agreement.ejectionFraction.unit).toBe("fraction");
    // mass differences (0, 4.725 − 3.213 = 1.512, 0) g: bias 0.504
    expect(agreement.myocardialMass.bias).toBeCloseTo(0.504, 10);
    expect(agreement.myocardialMass.unit).toBe("g");
    expect(agreement.edv.points).toHaveLength(3);
  });

  it("works in voxels without spacing, and leaves agreement out under two patients", () => {
    const r = evaluateVolumes([pair("A", "ED", 4, null), pair("A", "ES", 3, null)]);
    expect(r.volumes[0]!.distanceUnit).toBe("voxels");
    expect(r.patients[0]!.predicted).toMatchObject({ edv: 98, esv: 58, volumeUnit: "voxels" });
    expect(r.agreement).toBeNull();
    const both = evaluateVolumes([
      ...[pair("A", "ED", 4, null), pair("A", "ES", 3, null)],
      ...[pair("B", "ED", 5, null), pair("B", "ES", 3, null)],
    ]);
    // EDV differences (98 − 162, 0) voxels: bias −32
    expect(both.agreement!.edv).toMatchObject({ bias: -32, unit: "voxels" });
    expect(both.agreement!.myocardialMass.unit).toBe("voxels");
  });

  it("passes the structure labels and density through", () => {
    // Labels of LV and myocardium swapped: the "LV" reference at ED is the 136-voxel ring.
    const options: EvaluateVolumesOptions = {
      classes: { background: 0, rv: 1, myocardium: 3, lv: 2 },
      myocardialDensity: 1,
    };
    const r = evaluateVolumes([pair("A", "ED", 5, null), pair("A", "ES", 3, null)], options);
    expect(r.patients[0]!.reference).toMatchObject({ edv: 136, myocardialMass: 162 });
    expect(r.volumes[0]!.scores.map((s) => [s.structure, s.label])).toEqual([
      ["rv", 1],
      ["myocardium", 3],
      ["lv", 2],
    ]);
  });

  it("throws for duplicate volumes, mixed units and a prediction without LV at ED", () => {
    expect(() => evaluateVolumes([pair("A", "ED", 5), pair("A", "ED", 4)])).toThrow(
      /patient A has more than one ED volume/,
    );
    const mixed = [...cohort.slice(0, 2), pair("B", "ED", 4, null), pair("B", "ES", 3, null)];
    expect(() => evaluateVolumes(mixed)).toThrow(/mL and voxels cannot be pooled/);
    const ed = pair("A", "ED", 5);
    const noLv = { ...ed, predicted: ed.predicted.map((v) => (v === 3 ? 2 : v)) };
    expect(() => evaluateVolumes([noLv, pair("A", "ES", 3)])).toThrow(
      /patient A, predicted: no LV cavity/,
    );
  });
});
