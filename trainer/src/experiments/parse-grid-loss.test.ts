import { describe, expect, it } from "vitest";
import { parseGridLoss } from "./parse-grid-loss.ts";

describe("parseGridLoss", () => {
  it("reads a bare loss name, or one with parameters and a label for the report", () => {
    expect(parseGridLoss("ce")).toBe("ce");
    expect(parseGridLoss("nce+rce:alpha=10:beta=0.1")).toEqual({
      name: "nce+rce",
      options: { alpha: 10, beta: 0.1 },
      label: "nce+rce (α=10, β=0.1)",
    });
    expect(parseGridLoss("nce+rce:warmup=5")).toEqual({
      name: "nce+rce",
      options: {},
      warmupEpochs: 5,
      label: "nce+rce (CE warm-up 5)",
    });
  });

  it("refuses unknown losses, unknown parameters and values that are not numbers", () => {
    expect(() => parseGridLoss("focal")).toThrow(/unknown loss "focal"/);
    expect(() => parseGridLoss("gce:k=2")).toThrow(/unknown parameter "k"/);
    expect(() => parseGridLoss("gce:q=")).toThrow(/q needs a number/);
    expect(() => parseGridLoss("nce+rce:warmup=2.5")).toThrow(/warmup needs a whole number/);
  });
});
