import { describe, expect, it } from "vitest";
import type { RaterStatistics } from "../api/api-types.ts";
import { raterFlags } from "./rater-flags.ts";

const good: RaterStatistics = {
  userId: 1,
  displayName: "A",
  email: "a@x",
  blocked: false,
  annotations: 20,
  medianDurationMs: 25_000,
  goldAnnotations: 3,
  goldDice: 0.88,
  sensitivity: 0.9,
  specificity: 0.99,
};

describe("raterFlags", () => {
  it("flags nothing for a careful rater", () => {
    expect(raterFlags(good)).toEqual([]);
  });

  it("flags low gold Dice only with enough gold labels", () => {
    expect(raterFlags({ ...good, goldDice: 0.4 })).toEqual(["gold Dice below 0.7"]);
    expect(raterFlags({ ...good, goldDice: 0.4, goldAnnotations: 1 })).toEqual([]);
  });

  it("flags a spammer's speed and a low STAPLE sensitivity", () => {
    expect(raterFlags({ ...good, medianDurationMs: 900, sensitivity: 0.3 })).toEqual([
      "median time under 3 s",
      "STAPLE sensitivity below 0.6",
    ]);
  });

  it("does not flag what is unknown yet", () => {
    expect(
      raterFlags({ ...good, goldDice: null, medianDurationMs: null, sensitivity: null }),
    ).toEqual([]);
  });
});
