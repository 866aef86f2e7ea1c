import { describe, expect, it } from "vitest";
import { evaluateTestSet, type TestVolume } from "./evaluate-test-set.ts";

/** A 10×10×2 cardiac volume: an LV disc of the given radius in a myocardium ring, RV beside. */
function volume(lvRadius: number): Uint8Array {
  const labels = new Uint8Array(200);
  for (let z = 0; z < 2; z++) {
    for (let y = 0; y < 10; y++) {
      for (let x = 0; x < 10; x++) {
        const r = Math.hypot(x - 5, y - 5);
        labels[z * 100 + y * 10 + x] =
          r < lvRadius ? 3 : r < lvRadius + 1.5 ? 2 : x < 2 && y > 3 && y < 7 ? 1 : 0;
      }
    }
  }
  return labels;
}

function pair(
  patientId: string,
  phase: "ED" | "ES",
  predicted: Uint8Array,
  reference: Uint8Array,
  volumeId: number,
  spacing: [number, number, number] | null = null,
): TestVolume {
  return {
    volumeId,
    patientId,
    phase,
    width: 10,
    height: 10,
    depth: 2,
    spacing,
    predicted,
    reference,
  };
}

describe("evaluateTestSet", () => {
  it("scores every volume and gives EF agreement across patients, in voxels without a spacing", () => {
    const volumes = [
      pair("a", "ED", volume(3.2), volume(3), 1),
      pair("a", "ES", volume(2), volume(2), 2),
      pair("b", "ED", volume(3), volume(3), 3),
      pair("b", "ES", volume(1.6), volume(2), 4),
    ];
    const result = evaluateTestSet(volumes, { classes: 4 });
    expect(result.distanceUnit).toBe("voxels");
    expect(result.volumes.map((v) => v.volumeId)).toEqual([1, 2, 3, 4]);
    expect(result.volumes[1]!.meanDice).toBe(1);
    expect(result.volumes[0]!.scores.map((s) => s.structure)).toEqual(["rv", "myocardium", "lv"]);
    expect(result.volumes[0]!.scores[2]!.dice).toBeLessThan(1);
    expect(result.patients).toHaveLength(2);
    expect(result.agreement!.ejectionFraction.n).toBe(2);
    expect(result.agreement!.edv.unit).toBe("voxels");
    // Patient a's LV is overestimated at ED, so its EF is too: a positive bias.
    expect(result.agreement!.ejectionFraction.bias).toBeGreaterThan(0);
    expect(result.meanDice.mean).toBeCloseTo(
      result.volumes.reduce((s, v) => s + v.meanDice, 0) / 4,
      10,
    );
  });

  it("keeps a patient whose prediction misses the LV at ED, without clinical indices and with HD95 left undefined", () => {
    const noLv = volume(3).map((l) => (l === 3 ? 0 : l));
    const result = evaluateTestSet(
      [
        pair("c", "ED", noLv, volume(3), 5, [1, 1, 8]),
        pair("c", "ES", volume(2), volume(2), 6, [1, 1, 8]),
      ],
      { classes: 4 },
    );
    expect(result.distanceUnit).toBe("mm");
    expect(result.patients).toEqual([]);
    expect(result.agreement).toBeNull();
    expect(result.patientsWithoutIndices).toEqual([
      {
        patientId: "c",
        reason: "the model labels no LV cavity at ED, so its ejection fraction is undefined",
      },
    ]);
    expect(result.volumes[0]!.scores[2]).toMatchObject({ structure: "lv", dice: 0, hd95: null });
    expect(result.undefinedHd95).toBe(1);
    expect(result.meanHd95.lv).toBe(0);
  });

  it("scores any other class layout per class, without clinical indices", () => {
    const labels = new Uint8Array([0, 1, 1, 0, 0, 1, 0, 0]);
    const result = evaluateTestSet(
      [
        {
          volumeId: 9,
          patientId: "x",
          phase: null,
          width: 4,
          height: 2,
          depth: 1,
          spacing: null,
          predicted: labels,
          reference: labels,
        },
      ],
      { classes: 2 },
    );
    expect(result.volumes[0]!.scores).toEqual([
      { structure: "class1", label: 1, dice: 1, hd95: 0 },
    ]);
    expect(result.patientsWithoutIndices).toEqual([]);
  });
});
