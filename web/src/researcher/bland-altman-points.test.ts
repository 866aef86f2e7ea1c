import { describe, expect, it } from "vitest";
import { blandAltmanPlotData } from "./bland-altman-points.ts";

describe("blandAltmanPlotData", () => {
  it("computes means, differences, bias and 95% limits of agreement", () => {
    const data = blandAltmanPlotData([
      { label: "p1", measured: 0.6, reference: 0.5 },
      { label: "p2", measured: 0.5, reference: 0.5 },
      { label: "p3", measured: 0.7, reference: 0.5 },
    ])!;
    expect(data.points.map((p) => p.mean)).toEqual([0.55, 0.5, 0.6]);
    expect(data.points[0]!.difference).toBeCloseTo(0.1);
    expect(data.bias).toBeCloseTo(0.1);
    // differences 0.1, 0, 0.2: sample SD 0.1
    expect(data.upperLimit).toBeCloseTo(0.1 + 0.196);
    expect(data.lowerLimit).toBeCloseTo(0.1 - 0.196);
  });

  it("needs two usable pairs", () => {
    expect(blandAltmanPlotData([{ label: "p", measured: 1, reference: 2 }])).toBeNull();
    expect(
      blandAltmanPlotData([
        { label: "a", measured: 1, reference: 2 },
        { label: "b", measured: Number.NaN, reference: 2 },
      ]),
    ).toBeNull();
  });
});
