import { beforeAll, describe, expect, it } from "vitest";
import { nceRceLoss } from "./nce-rce.ts";
import { HALF_THIRD_SIXTH, lossValue, useCpuBackend } from "./testing/loss-harness.ts";

describe("nceRceLoss", () => {
  beforeAll(useCpuBackend);

  const pixel = (yTrue: number[]) => ({
    yTrue,
    logits: [...HALF_THIRD_SIXTH],
    shape: [1, 1, 1, 3],
  });
  const soft = pixel([0.7, 0.2, 0.1]);

  it("computes NCE alone as soft CE over Σ_j −log p_j", () => {
    // CE = 0.884101; Σ_j −ln p_j = ln 2 + ln 3 + ln 6 = 3.583519; NCE = 0.246713
    expect(lossValue(nceRceLoss({ beta: 0 }), soft)).toBeCloseTo(0.246713, 5);
  });

  it("computes RCE alone as −Σ p log y, with log 0 clipped to A", () => {
    // soft y, no clipping: ½·0.356675 + ⅓·1.609438 + ⅙·2.302585 = 1.098581
    expect(lossValue(nceRceLoss({ alpha: 0 }), soft)).toBeCloseTo(1.098581, 5);
    // one-hot y on class 0: −A(1 − p_0) = 4·(1 − ½) = 2, and 1 with A = −2
    expect(lossValue(nceRceLoss({ alpha: 0 }), pixel([1, 0, 0]))).toBeCloseTo(2, 5);
    expect(lossValue(nceRceLoss({ alpha: 0, logZero: -2 }), pixel([1, 0, 0]))).toBeCloseTo(1, 5);
  });

  it("weights the two terms by alpha and beta", () => {
    expect(lossValue(nceRceLoss(), soft)).toBeCloseTo(0.246713 + 1.098581, 5);
    // 2·0.246713 + 0.5·1.098581 = 1.042717
    expect(lossValue(nceRceLoss({ alpha: 2, beta: 0.5 }), soft)).toBeCloseTo(1.042717, 5);
  });

  it("rejects one class (NCE = 0/0), a non-negative A and both weights 0", () => {
    expect(() => lossValue(nceRceLoss(), { yTrue: [1], logits: [3], shape: [1, 1] })).toThrow(
      /at least 2 classes/,
    );
    expect(() => nceRceLoss({ logZero: 0 })).toThrow(/logZero must be < 0/);
    expect(() => nceRceLoss({ alpha: 0, beta: 0 })).toThrow(/both 0/);
  });
});
