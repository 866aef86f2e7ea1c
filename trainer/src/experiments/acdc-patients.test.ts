import { describe, expect, it } from "vitest";
import { readAcdcSplit, spreadPick } from "./acdc-patients.ts";

const ACDC = new URL("../../../../shared/data/acdc", import.meta.url).pathname;

describe("ACDC patients", () => {
  it("reads the published split by patient: 70 train, 10 validation, 20 test, disjoint", async () => {
    const split = await readAcdcSplit(ACDC);
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([70, 10, 20]);
    const all = [...split.train, ...split.validation, ...split.test];
    expect(new Set(all).size).toBe(100);
    expect(split.test[0]).toMatch(/^patient\d{3}$/);
  });

  it("spreads a pick over the whole list, so every diagnosis block is represented", () => {
    const patients = Array.from(
      { length: 100 },
      (_, i) => `patient${String(i + 1).padStart(3, "0")}`,
    );
    const picked = spreadPick(patients, 5);
    expect(picked).toEqual(["patient011", "patient031", "patient051", "patient071", "patient091"]);
    expect(spreadPick(patients.slice(0, 3), 10)).toHaveLength(3);
    expect(spreadPick(patients, 0)).toEqual([]);
  });
});
