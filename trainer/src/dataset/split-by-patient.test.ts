import { describe, expect, it } from "vitest";
import { splitByPatient } from "./split-by-patient.ts";

const PATIENTS = Array.from({ length: 10 }, (_, i) => `p${String(i).padStart(2, "0")}`);

describe("splitByPatient", () => {
  it("puts every patient in exactly one part, both phases of a patient together", () => {
    // Each patient twice, as its ED and ES volumes.
    const split = splitByPatient([...PATIENTS, ...PATIENTS], { seed: 4 });
    expect(split.test).toHaveLength(2);
    expect(split.validation).toHaveLength(2);
    expect(split.train).toHaveLength(6);
    expect([...split.train, ...split.validation, ...split.test].sort()).toEqual(PATIENTS);
  });

  it("is fixed by the seed and changes with it", () => {
    const a = splitByPatient(PATIENTS, { seed: 11 });
    expect(splitByPatient([...PATIENTS].reverse(), { seed: 11 })).toEqual(a);
    const others = [12, 13, 14].map((seed) => splitByPatient(PATIENTS, { seed }).test.join());
    expect(others.some((t) => t !== a.test.join())).toBe(true);
  });

  it("keeps one patient per non-empty part even when the fractions round to none", () => {
    const split = splitByPatient(["a", "b", "c"], {
      seed: 1,
      validationFraction: 0.1,
      testFraction: 0.1,
    });
    expect(split.validation).toHaveLength(1);
    expect(split.test).toHaveLength(1);
    expect(split.train).toHaveLength(1);
    expect(
      splitByPatient(["a", "b"], { seed: 1, validationFraction: 0, testFraction: 0.5 }).validation,
    ).toEqual([]);
    expect(() => splitByPatient(["a", "b"], { seed: 1 })).toThrow(/leave one to train on/);
  });

  it("follows an explicit split and sends unlisted patients to training", () => {
    const split = splitByPatient(PATIENTS, {
      seed: 1,
      explicit: { validation: ["p03"], test: ["p07", "p01"] },
    });
    expect(split.validation).toEqual(["p03"]);
    expect(split.test).toEqual(["p01", "p07"]);
    expect(split.train).toHaveLength(7);
    expect(() =>
      splitByPatient(PATIENTS, { seed: 1, explicit: { validation: ["p03"], test: ["p03"] } }),
    ).toThrow(/"p03" is in both validation and test/);
    expect(() =>
      splitByPatient(PATIENTS, { seed: 1, explicit: { validation: [], test: ["p99"] } }),
    ).toThrow(/test patient "p99" is not in the study/);
  });
});
