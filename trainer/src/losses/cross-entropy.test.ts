import { beforeAll, describe, expect, it } from "vitest";
import { crossEntropyLoss } from "./cross-entropy.ts";
import { HALF_THIRD_SIXTH, lossValue, useCpuBackend } from "./testing/loss-harness.ts";

const onePixel = (yTrue: number[]) => ({
  yTrue,
  logits: [...HALF_THIRD_SIXTH],
  shape: [1, 1, 1, 3],
});

describe("crossEntropyLoss", () => {
  beforeAll(useCpuBackend);

  it("takes soft targets: −Σ y log p on a hand-worked pixel", () => {
    // p = (1/2, 1/3, 1/6), y = (0.7, 0.2, 0.1):
    // 0.7·ln 2 + 0.2·ln 3 + 0.1·ln 6 = 0.485203 + 0.219722 + 0.179176 = 0.884101
    expect(lossValue(crossEntropyLoss(), onePixel([0.7, 0.2, 0.1]))).toBeCloseTo(0.884101, 5);
  });

  it("weights each class's term without renormalising, as PyTorch does", () => {
    // weights (2, 0, 1): 2·0.7·ln 2 + 0 + 0.1·ln 6 = 0.970406 + 0.179176 = 1.149582
    const loss = crossEntropyLoss({ classWeights: [2, 0, 1] });
    expect(lossValue(loss, onePixel([0.7, 0.2, 0.1]))).toBeCloseTo(1.149582, 5);
  });

  it("averages over pixels: ln 2 and ln 3 give 0.895880", () => {
    // pixel 1 labelled class 0 (p = 1/2), pixel 2 class 1 (p = 1/3): (0.693147 + 1.098612)/2
    const loss = crossEntropyLoss();
    const c = {
      yTrue: [1, 0, 0, 0, 1, 0],
      logits: [...HALF_THIRD_SIXTH, ...HALF_THIRD_SIXTH],
      shape: [1, 2, 1, 3],
    };
    expect(lossValue(loss, c)).toBeCloseTo(0.89588, 5);
  });

  it("rejects negative weights and a weight count that is not the class count", () => {
    expect(() => crossEntropyLoss({ classWeights: [1, -1, 1] })).toThrow(/classWeights\[1\]/);
    const loss = crossEntropyLoss({ classWeights: [1, 1] });
    expect(() => lossValue(loss, onePixel([1, 0, 0]))).toThrow(/2 class weights for 3 classes/);
  });
});
