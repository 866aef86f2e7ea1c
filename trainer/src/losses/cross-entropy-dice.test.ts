import { beforeAll, describe, expect, it } from "vitest";
import { crossEntropyDiceLoss } from "./cross-entropy-dice.ts";
import { HALF_THIRD_SIXTH, lossValue, useCpuBackend } from "./testing/loss-harness.ts";

describe("crossEntropyDiceLoss", () => {
  beforeAll(useCpuBackend);

  const onePixel = { yTrue: [0.7, 0.2, 0.1], logits: [...HALF_THIRD_SIXTH], shape: [1, 1, 1, 3] };

  it("adds the weighted terms: CE 0.884101 and Dice loss 0.680556 on the hand-worked pixel", () => {
    expect(lossValue(crossEntropyDiceLoss(), onePixel)).toBeCloseTo(1.564657, 4);
    // 0.5·0.884101 + 2·0.680556 = 0.442051 + 1.361111
    const weighted = crossEntropyDiceLoss({ crossEntropyWeight: 0.5, diceWeight: 2 });
    expect(lossValue(weighted, onePixel)).toBeCloseTo(1.803162, 4);
  });

  it("passes the options of each term through", () => {
    // CE with weights (0, 1, 0): 0.2·ln 3 = 0.219722; Dice without background: 0.8125
    const loss = crossEntropyDiceLoss({
      crossEntropy: { classWeights: [0, 1, 0] },
      dice: { excludeBackground: true },
    });
    expect(lossValue(loss, onePixel)).toBeCloseTo(1.032222, 4);
  });

  it("rejects negative weights and both weights 0", () => {
    expect(() => crossEntropyDiceLoss({ diceWeight: -1 })).toThrow(/diceWeight/);
    expect(() => crossEntropyDiceLoss({ crossEntropyWeight: 0, diceWeight: 0 })).toThrow(
      /both weights are 0/,
    );
  });
});
