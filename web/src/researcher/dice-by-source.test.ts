import { describe, expect, it } from "vitest";
import type { TrainingRun } from "../api/api-types.ts";
import { diceBySourceAndLoss, diceCellKey, testDiceOf } from "./dice-by-source.ts";
import { labelSourceName } from "./label-source-name.ts";

let nextId = 1;
function run(
  partial: Partial<TrainingRun> & Pick<TrainingRun, "labelSource" | "loss">,
  dice: number | null,
): TrainingRun {
  return {
    id: nextId++,
    studyId: 1,
    architecture: "unet",
    hyperparameters: {},
    backend: "wasm",
    status: dice === null ? "failed" : "succeeded",
    progress: { fraction: 1 },
    metrics: dice === null ? null : { test: { meanDice: { mean: dice } } },
    error: null,
    createdAt: "",
    startedAt: null,
    finishedAt: null,
    ...partial,
  };
}

describe("diceBySourceAndLoss", () => {
  const raters = new Map([[7, "Ada"]]);
  const fusions = new Map([[3, { method: "staple", priors: ["singleComponent"] }]]);
  const name = (r: TrainingRun) => labelSourceName(r.labelSource, raters, fusions);

  it("averages finished runs per source and loss, expert reference first", () => {
    const runs = [
      run({ labelSource: { kind: "rater", userId: 7 }, loss: "ce" }, 0.6),
      run({ labelSource: { kind: "reference" }, loss: "ce" }, 0.9),
      run({ labelSource: { kind: "fusion", fusionRunId: 3 }, loss: "ce" }, 0.8),
      run({ labelSource: { kind: "fusion", fusionRunId: 3 }, loss: "ce" }, 0.84),
      run({ labelSource: { kind: "fusion", fusionRunId: 3 }, loss: "nce+rce" }, 0.86),
      run({ labelSource: { kind: "rater", userId: 7 }, loss: "gce" }, null),
    ];
    const grid = diceBySourceAndLoss(runs, name);
    expect(grid.sources).toEqual([
      "Expert reference",
      "Rater: Ada",
      "Fusion #3: STAPLE + 1 priors",
    ]);
    expect(grid.losses).toEqual(["ce", "nce+rce"]);
    const fused = grid.cells.get(diceCellKey("Fusion #3: STAPLE + 1 priors", "ce"))!;
    expect(fused.runs).toBe(2);
    expect(fused.dice).toBeCloseTo(0.82);
    expect(grid.cells.has(diceCellKey("Rater: Ada", "gce"))).toBe(false);
  });
});

describe("testDiceOf", () => {
  it("reads metrics.test.meanDice.mean of succeeded runs only", () => {
    expect(
      testDiceOf({ status: "succeeded", metrics: { test: { meanDice: { mean: 0.7 } } } }),
    ).toBe(0.7);
    expect(
      testDiceOf({ status: "running", metrics: { test: { meanDice: { mean: 0.7 } } } }),
    ).toBeNull();
    expect(testDiceOf({ status: "succeeded", metrics: { test: null } })).toBeNull();
  });
});

describe("labelSourceName", () => {
  it("names unknown raters and runs by id", () => {
    expect(labelSourceName({ kind: "rater", userId: 9 }, new Map(), new Map())).toBe("Rater: #9");
    expect(labelSourceName({ kind: "fusion", fusionRunId: 4 }, new Map(), new Map())).toBe(
      "Fusion run #4",
    );
  });
});
