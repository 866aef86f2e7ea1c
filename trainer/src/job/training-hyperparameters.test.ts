import { describe, expect, it } from "vitest";
import { parseHyperparameters } from "./training-hyperparameters.ts";

describe("parseHyperparameters", () => {
  it("fills the API's defaults and the job's own", () => {
    expect(parseHyperparameters({}, "unet")).toEqual({
      epochs: 20,
      imageSize: 128,
      batchSize: 8,
      learningRate: 1e-3,
      baseFilters: 16,
      depth: 4,
      seed: 1,
      lossOptions: {},
      patience: 10,
      augment: {},
      split: {},
    });
    expect(parseHyperparameters({}, "enet").depth).toBe(2);
  });

  it("reads explicit splits, fractions, augmentation off and no early stopping", () => {
    const parsed = parseHyperparameters(
      {
        augment: false,
        patience: null,
        split: { validation: ["p1"], test: ["p2", "p3"] },
        lossOptions: { alpha: 0.5, beta: 2 },
      },
      "attention-unet",
    );
    expect(parsed.augment).toBe(false);
    expect(parsed.patience).toBeNull();
    expect(parsed.split).toEqual({ explicit: { validation: ["p1"], test: ["p2", "p3"] } });
    expect(parsed.lossOptions).toEqual({ alpha: 0.5, beta: 2 });
    expect(parseHyperparameters({ split: { testFraction: 0.3 } }, "unet").split).toEqual({
      testFraction: 0.3,
    });
  });

  it("refuses what no run can train with, naming the setting", () => {
    expect(() => parseHyperparameters({ epochs: 0 }, "unet")).toThrow(
      /epochs must be an integer in \[1, 1000\]/,
    );
    expect(() => parseHyperparameters({ imageSize: 100 }, "unet")).toThrow(/multiple of 16/);
    expect(() => parseHyperparameters({ imageSize: 100 }, "enet")).toThrow(/multiple of 8/);
    expect(() => parseHyperparameters({ learningRate: -1 }, "unet")).toThrow(/learningRate/);
    expect(() => parseHyperparameters({ lossOptions: { delta: 1 } }, "unet")).toThrow(
      /unknown loss option delta/,
    );
    expect(() => parseHyperparameters({ split: { test: "p1" } }, "unet")).toThrow(
      /split.test must be a list/,
    );
    expect(() => parseHyperparameters({ lr: 0.1 }, "unet")).toThrow(/unknown hyperparameters: lr/);
  });
});
