import { beforeAll, describe, expect, it } from "vitest";
import { softDiceLoss } from "./soft-dice.ts";
import { HALF_THIRD_SIXTH, lossValue, useCpuBackend } from "./testing/loss-harness.ts";

describe("softDiceLoss", () => {
  beforeAll(useCpuBackend);

  const onePixel = { yTrue: [0.7, 0.2, 0.1], logits: [...HALF_THIRD_SIXTH], shape: [1, 1, 1, 3] };

  it("is 1 − the mean soft Dice over classes on a hand-worked pixel", () => {
    // p = (1/2, 1/3, 1/6), y = (0.7, 0.2, 0.1); Dice_c = 2 p y / (p + y):
    // 0.7/1.2 = 0.583333, (2/15)/(8/15) = 0.25, (1/30)/(8/30) = 0.125; mean 0.319444
    expect(lossValue(softDiceLoss(), onePixel)).toBeCloseTo(0.680556, 4);
  });

  it("leaves the background out of the mean on request", () => {
    // mean of 0.25 and 0.125 = 0.1875
    expect(lossValue(softDiceLoss({ excludeBackground: true }), onePixel)).toBeCloseTo(0.8125, 4);
  });

  it("sums over the whole batch before dividing (batch Dice), not per image", () => {
    // Both images p = (1/2, 1/3, 1/6); image 1 labelled class 0, image 2 class 1.
    // Batch sums: Σp = (1, 2/3, 1/3), Σy = (1, 1, 0), Σpy = (1/2, 1/3, 0)
    // Dice = (1/2, (2/3)/(5/3) = 0.4, ~0) → loss 1 − 0.9/3 = 0.7.
    // Per image would give ((1 − 2/9) + (1 − 1/6))/2 = 0.805556.
    const c = {
      yTrue: [1, 0, 0, 0, 1, 0],
      logits: [...HALF_THIRD_SIXTH, ...HALF_THIRD_SIXTH],
      shape: [2, 1, 1, 3],
    };
    expect(lossValue(softDiceLoss(), c)).toBeCloseTo(0.7, 4);
  });

  it("scores a class absent from target and prediction as Dice 1 through the smoothing", () => {
    // Class 2 logit −30: Σp_2 ≈ 1e-13 ≪ ε, Σy_2 = 0 → Dice_2 = ε/ε = 1.
    // Classes 0, 1: p = (1/2, 1/2), y = (1, 0). With ε = 1e-3:
    // Dice_0 = 1.001/1.501 = 0.666889, Dice_1 = 0.001/0.501 = 0.001996 → loss 0.443705.
    // With ε = 1, Dice_2 = 1 still, but Dice_0 = 2/2.5 and Dice_1 = 1/1.5: loss 0.177778.
    const c = { yTrue: [1, 0, 0], logits: [0, 0, -30], shape: [1, 1, 1, 3] };
    expect(lossValue(softDiceLoss({ epsilon: 1e-3 }), c)).toBeCloseTo(0.443705, 5);
    expect(lossValue(softDiceLoss({ epsilon: 1 }), c)).toBeCloseTo(0.177778, 5);
  });

  it("rejects a non-positive epsilon, and background exclusion with one class", () => {
    expect(() => softDiceLoss({ epsilon: 0 })).toThrow(/epsilon must be > 0/);
    const loss = softDiceLoss({ excludeBackground: true });
    expect(() => lossValue(loss, { yTrue: [1], logits: [0], shape: [1, 1] })).toThrow(
      /at least 2 classes/,
    );
  });
});
