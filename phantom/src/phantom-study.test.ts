import { describe, expect, it } from "vitest";
import { generatePhantomStudy } from "./phantom-study.ts";

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}

describe("generatePhantomStudy", () => {
  it("is deterministic, names patients, and gives each its own anatomy", () => {
    const study = generatePhantomStudy({ seed: 77, patients: 3, width: 64, height: 64, slices: 4 });
    const again = generatePhantomStudy({ seed: 77, patients: 3, width: 64, height: 64, slices: 4 });
    expect(study.map((p) => p.patientId)).toEqual(["phantom001", "phantom002", "phantom003"]);
    expect(sameBytes(again[2]!.es.image, study[2]!.es.image)).toBe(true);
    const radii = new Set(study.map((p) => p.params.lvCavityRadiusMm));
    expect(radii.size).toBe(3);
    expect(study[0]!.ed.width).toBe(64);
    expect(study[0]!.ed.depth).toBe(4);
  });

  it("keeps the first patients when the study grows, and changes them with the seed", () => {
    const small = generatePhantomStudy({ seed: 5, patients: 2, width: 48, height: 48, slices: 3 });
    const large = generatePhantomStudy({ seed: 5, patients: 4, width: 48, height: 48, slices: 3 });
    expect(sameBytes(large[1]!.ed.image, small[1]!.ed.image)).toBe(true);
    const otherSeed = generatePhantomStudy({
      seed: 6,
      patients: 1,
      width: 48,
      height: 48,
      slices: 3,
    });
    expect(otherSeed[0]!.params.seed).not.toBe(small[0]!.params.seed);
    expect(sameBytes(otherSeed[0]!.ed.labels, small[0]!.ed.labels)).toBe(false);
  });

  it("rejects a negative or fractional patient count", () => {
    expect(() => generatePhantomStudy({ seed: 1, patients: -1 })).toThrow(/patients/);
    expect(() => generatePhantomStudy({ seed: 1, patients: 1.5 })).toThrow(/patients/);
  });
});
