import { describe, expect, it } from "vitest";
import { EARLY_STOPPING_START, updateEarlyStopping } from "./early-stopping.ts";

describe("updateEarlyStopping", () => {
  it("stops after `patience` epochs without a better score and remembers the best epoch", () => {
    let state = EARLY_STOPPING_START;
    const scores = [0.5, 0.6, 0.59, 0.6, 0.61, 0.4, 0.3];
    const decisions = scores.map((score, i) => {
      const d = updateEarlyStopping(state, score, i + 1, { patience: 2 });
      state = d.state;
      return d;
    });
    expect(decisions.map((d) => d.improved)).toEqual([
      true,
      true,
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(decisions.map((d) => d.stop)).toEqual([false, false, false, true, false, false, true]);
    expect(state).toEqual({ best: 0.61, bestEpoch: 5, waited: 2 });
  });

  it("needs more than minDelta to count as better, and never takes NaN as best", () => {
    const first = updateEarlyStopping(EARLY_STOPPING_START, 0.5, 1, {
      patience: 3,
      minDelta: 0.02,
    });
    expect(
      updateEarlyStopping(first.state, 0.51, 2, { patience: 3, minDelta: 0.02 }).improved,
    ).toBe(false);
    expect(
      updateEarlyStopping(first.state, 0.53, 2, { patience: 3, minDelta: 0.02 }).improved,
    ).toBe(true);
    expect(updateEarlyStopping(EARLY_STOPPING_START, Number.NaN, 1, { patience: 3 }).improved).toBe(
      false,
    );
    expect(() => updateEarlyStopping(EARLY_STOPPING_START, 0.5, 1, { patience: 0 })).toThrow(
      /patience/,
    );
  });
});
