import { describe, expect, it } from "vitest";
import { parseHyperparameters } from "./training-hyperparameters.ts";

describe("parseHyperparameters", () => {
  it("fills the API's defaults and the job's own", () => {
    expect(parseHyperparameters({}, "unet", "ce")).toEqual({
      epochs: 20,
      imageSize: 128,
      batchSize: 8,
      learningRate: 1e-3,
      baseFilters: 16,
      depth: 4,
      seed: 1,
      lossOptions: {},
      warmupEpochs: 0,
      patience: 10,
      augment: {},
      split: {},
    });
    expect(parseHyperparameters({}, "enet", "ce").depth).toBe(2);
    // The bounded losses warm up with cross-entropy for a quarter of the epochs unless told otherwise.
    expect(parseHyperparameters({ epochs: 22 }, "unet", "nce+rce").warmupEpochs).toBe(5);
    expect(parseHyperparameters({}, "unet", "nfl+mae").warmupEpochs).toBe(5);
    expect(parseHyperparameters({ warmupEpochs: 0 }, "unet", "nce+rce").warmupEpochs).toBe(0);
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
      "ce",
    );
    expect(parsed.augment).toBe(false);
    expect(parsed.patience).toBeNull();
    expect(parsed.split).toEqual({ explicit: { validation: ["p1"], test: ["p2", "p3"] } });
    expect(parsed.lossOptions).toEqual({ alpha: 0.5, beta: 2 });
    expect(parseHyperparameters({ split: { testFraction: 0.3 } }, "unet", "ce").split).toEqual({
      testFraction: 0.3,
    });
  });

  it("refuses what no run can train with, naming the setting", () => {
    expect(() => parseHyperparameters({ epochs: 0 }, "unet", "ce")).toThrow(
      /epochs must be an integer in \[1, 1000\]/,
    );
    expect(() => parseHyperparameters({ imageSize: 100 }, "unet", "ce")).toThrow(/multiple of 16/);
    expect(() => parseHyperparameters({ imageSize: 100 }, "enet", "ce")).toThrow(/multiple of 8/);
    expect(() => parseHyperparameters({ learningRate: -1 }, "unet", "ce")).toThrow(/learningRate/);
    expect(() => parseHyperparameters({ lossOptions: { delta: 1 } }, "unet", "ce")).toThrow(
      /unknown loss option delta/,
    );
    expect(() => parseHyperparameters({ split: { test: "p1" } }, "unet", "ce")).toThrow(
      /split.test must be a list/,
    );
    expect(() => parseHyperparameters({ lr: 0.1 }, "unet", "ce")).toThrow(
      /unknown hyperparameters: lr/,
    );
    expect(() => parseHyperparameters({ epochs: 5, warmupEpochs: 5 }, "unet", "ce")).toThrow(
      /warmupEpochs \(5\) must be below epochs \(5\)/,
    );
  });
});
