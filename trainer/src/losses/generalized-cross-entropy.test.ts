import { beforeAll, describe, expect, it } from "vitest";
import { generalizedCrossEntropyLoss } from "./generalized-cross-entropy.ts";
import { HALF_THIRD_SIXTH, lossValue, useCpuBackend } from "./testing/loss-harness.ts";

describe("generalizedCrossEntropyLoss", () => {
  beforeAll(useCpuBackend);

  const onePixel = { yTrue: [0.7, 0.2, 0.1], logits: [...HALF_THIRD_SIXTH], shape: [1, 1, 1, 3] };
  const gce = (q: number) => lossValue(generalizedCrossEntropyLoss({ q }), onePixel);

  it("is (1 − Σ y p^q)/q on a hand-worked pixel", () => {
    // q = 0.5: 0.7·√(1/2) + 0.2·√(1/3) + 0.1·√(1/6) = 0.494975 + 0.115470 + 0.040825 = 0.651270
    // (1 − 0.651270)/0.5 = 0.697461
    expect(gce(0.5)).toBeCloseTo(0.697461, 5);
  });

  it("is 1 − Σ y p at q = 1, and tends to cross-entropy as q → 0", () => {
    // q = 1: 1 − (0.35 + 0.066667 + 0.016667) = 0.566667
    expect(gce(1)).toBeCloseTo(0.566667, 5);
    // p^q = 1 + q ln p + O(q²), so GCE = CE − (q/2) Σ y (ln p)² + …
    // = 0.884101 − 0.0005·0.898747 = 0.883652 at q = 1e-3.
    expect(gce(1e-3)).toBeCloseTo(0.883652, 3);
  });

  it("rejects q outside (0, 1]", () => {
    expect(() => generalizedCrossEntropyLoss({ q: 0 })).toThrow(/q must be in \(0, 1\]/);
    expect(() => generalizedCrossEntropyLoss({ q: 1.5 })).toThrow(/q must be in \(0, 1\]/);
  });
});
