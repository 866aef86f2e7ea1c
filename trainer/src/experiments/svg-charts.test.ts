import { describe, expect, it } from "vitest";
import { barChartSvg } from "./bar-chart-svg.ts";
import { blandAltmanSvg } from "./bland-altman-svg.ts";

describe("report charts", () => {
  it("draws one bar per value, skips missing ones and escapes labels", () => {
    const svg = barChartSvg(
      [
        { label: "expert", values: [0.8, 0.7] },
        { label: "<crowd>", values: [0.6, null] },
      ],
      {
        title: "Dice",
        series: ["ce", "nce+rce"],
        yLabel: "Dice",
        reference: { value: 0.8, label: "expert" },
      },
    );
    expect(svg.match(/<rect x="\d+(\.\d+)?" y="[\d.]+" width="28"/g)).toHaveLength(3);
    expect(svg).toContain("&lt;crowd&gt;");
    expect(svg).not.toContain("<crowd>");
    expect(svg).toContain('stroke-dasharray="5,4"');
  });

  it("plots each patient and labels the bias and limits of agreement", () => {
    const svg = blandAltmanSvg(
      [
        { measured: 0.6, reference: 0.5 },
        { measured: 0.5, reference: 0.5 },
        { measured: 0.7, reference: 0.5 },
      ],
      { title: "EF", unit: "fraction" },
    );
    expect(svg.match(/<circle/g)).toHaveLength(3);
    // Differences 0.1, 0, 0.2: bias 0.1, SD 0.1, limits 0.1 ± 0.196.
    expect(svg).toContain("bias 0.100");
    expect(svg).toContain("+1.96 SD 0.296");
    expect(svg).toContain("−1.96 SD -0.096");
    expect(blandAltmanSvg([], { title: "EF", unit: "fraction" })).toContain("no patients");
  });
});
