import { describe, expect, it } from "vitest";
import { appendProgressPoint, historyPoints } from "./loss-curve-points.ts";

describe("appendProgressPoint", () => {
  it("adds one point per step and skips events without a loss", () => {
    let points = appendProgressPoint([], { fraction: 0.01, message: "loading" });
    expect(points).toEqual([]);
    points = appendProgressPoint(points, { fraction: 0.1, epoch: 1, step: 1, loss: 1.2 });
    points = appendProgressPoint(points, { fraction: 0.2, epoch: 1, step: 2, loss: 1.1 });
    expect(points).toEqual([
      { x: 1, loss: 1.2, validationDice: null },
      { x: 2, loss: 1.1, validationDice: null },
    ]);
  });

  it("lets the end-of-epoch event replace its step's point, and ignores a repeat", () => {
    const points = [{ x: 4, loss: 0.9, validationDice: null }];
    const ended = appendProgressPoint(points, {
      fraction: 0.5,
      epoch: 2,
      step: 4,
      loss: 0.95,
      validationDice: 0.6,
    });
    expect(ended).toEqual([{ x: 4, loss: 0.95, validationDice: 0.6 }]);
    expect(
      appendProgressPoint(ended, {
        fraction: 0.5,
        epoch: 2,
        step: 4,
        loss: 0.95,
        validationDice: 0.6,
      }),
    ).toBe(ended);
  });

  it("drops the steps a resumed run takes again", () => {
    const points = [1, 2, 3, 4].map((x) => ({ x, loss: 1 / x, validationDice: null }));
    expect(
      appendProgressPoint(points, { fraction: 0.3, step: 3, loss: 0.4 }).map((p) => p.x),
    ).toEqual([1, 2, 3]);
  });
});

describe("historyPoints", () => {
  it("makes one point per epoch", () => {
    expect(historyPoints([{ epoch: 1, loss: 0.7, validationDice: 0.5 }])).toEqual([
      { x: 1, loss: 0.7, validationDice: 0.5 },
    ]);
  });
});
