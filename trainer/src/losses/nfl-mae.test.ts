import { beforeAll, describe, expect, it } from "vitest";
import { nceRceLoss } from "./nce-rce.ts";
import { nflMaeLoss } from "./nfl-mae.ts";
import { HALF_THIRD_SIXTH, lossValue, useCpuBackend } from "./testing/loss-harness.ts";

describe("nflMaeLoss", () => {
  beforeAll(useCpuBackend);

  const pixel = (yTrue: number[], logits: number[] = [...HALF_THIRD_SIXTH]) => ({
    yTrue,
    logits,
    shape: [1, 1, 1, yTrue.length],
  });
  const soft = pixel([0.7, 0.2, 0.1]);

  it("computes NFL alone as Σ y FL / Σ_j FL_j on a hand-worked pixel", () => {
    // γ = 2, p = (1/2, 1/3, 1/6): FL_k = (1 − p_k)² (−ln p_k)
    // = 0.25·0.693147, 0.444444·1.098612, 0.694444·1.791759 = 0.173287, 0.488272, 1.244277
    // Σ y FL = 0.121301 + 0.097654 + 0.124428 = 0.343383; Σ FL = 1.905836; NFL = 0.180174
    expect(lossValue(nflMaeLoss({ beta: 0, gamma: 2 }), soft)).toBeCloseTo(0.180174, 5);
  });

  it("reduces to NCE at γ = 0", () => {
    const nfl0 = lossValue(nflMaeLoss({ beta: 0, gamma: 0 }), soft);
    expect(nfl0).toBeCloseTo(lossValue(nceRceLoss({ beta: 0 }), soft), 6);
    expect(nfl0).toBeCloseTo(0.246713, 5);
  });

  it("computes MAE alone as Σ |p − y|, which is 2(1 − p_y) for one-hot y", () => {
    // |½ − 0.7| + |⅓ − 0.2| + |⅙ − 0.1| = 0.2 + 0.133333 + 0.066667 = 0.4
    expect(lossValue(nflMaeLoss({ alpha: 0 }), soft)).toBeCloseTo(0.4, 5);
    // one-hot on class 1 (p = ⅓): 2·(1 − ⅓) = 4/3
    expect(lossValue(nflMaeLoss({ alpha: 0 }), pixel([0, 1, 0]))).toBeCloseTo(4 / 3, 5);
  });

  it("weights the two terms by alpha and beta", () => {
    // 3·0.180174 + 0.5·0.4 = 0.740523
    const loss = nflMaeLoss({ alpha: 3, beta: 0.5, gamma: 2 });
    expect(lossValue(loss, soft)).toBeCloseTo(0.740523, 5);
  });

  it("rejects one class (NFL = 0/0), negative γ and both weights 0", () => {
    expect(() => lossValue(nflMaeLoss(), { yTrue: [1], logits: [3], shape: [1, 1] })).toThrow(
      /at least 2 classes/,
    );
    expect(() => nflMaeLoss({ gamma: -1 })).toThrow(/gamma must be ≥ 0/);
    expect(() => nflMaeLoss({ alpha: 0, beta: 0 })).toThrow(/both 0/);
  });
});
