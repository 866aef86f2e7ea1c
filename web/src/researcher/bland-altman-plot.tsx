import type { BlandAltmanPlotData } from "./bland-altman-points.ts";
import { CHART_MARGIN, ChartFrame } from "./chart-frame.tsx";
import { linearScale } from "./plot-scale.ts";

const WIDTH = 520;
const HEIGHT = 300;

/** Model minus expert against their mean, with the bias and the 95% limits of agreement. */
export function BlandAltmanPlot({
  data,
  quantity,
  scaleFactor = 1,
  unit,
}: {
  data: BlandAltmanPlotData;
  quantity: string;
  /** e.g. 100 to show an ejection fraction in percent */
  scaleFactor?: number;
  unit: string;
}) {
  const f = (v: number) => v * scaleFactor;
  const means = data.points.map((p) => f(p.mean));
  const diffs = [
    ...data.points.map((p) => f(p.difference)),
    f(data.lowerLimit),
    f(data.upperLimit),
    0,
  ];
  const x = linearScale(
    [Math.min(...means), Math.max(...means)],
    [CHART_MARGIN.left, WIDTH - CHART_MARGIN.right],
    5,
  );
  const y = linearScale(
    [Math.min(...diffs), Math.max(...diffs)],
    [HEIGHT - CHART_MARGIN.bottom, CHART_MARGIN.top],
    5,
  );
  const left = CHART_MARGIN.left;
  const right = WIDTH - CHART_MARGIN.right;
  const line = (value: number, kind: string, label: string | null) => (
    <g>
      <line
        class={`reference-line ${kind}`}
        x1={left}
        x2={right}
        y1={y(f(value))}
        y2={y(f(value))}
      />
      {label === null ? null : (
        <text class={`line-label ${kind}`} x={right - 4} y={y(f(value)) - 4} text-anchor="end">
          {label} {f(value).toFixed(1)}
        </text>
      )}
    </g>
  );
  return (
    <ChartFrame
      width={WIDTH}
      height={HEIGHT}
      x={x}
      y={y}
      xTitle={`mean of model and expert ${quantity} (${unit})`}
      yTitle={`model − expert (${unit})`}
      description={`Bland–Altman plot of ${quantity}: bias ${f(data.bias).toFixed(1)} ${unit}, limits of agreement ${f(
        data.lowerLimit,
      ).toFixed(1)} to ${f(data.upperLimit).toFixed(1)} ${unit}, ${data.points.length} patients`}
    >
      {line(0, "zero", null)}
      {line(data.bias, "bias", "bias")}
      {line(data.upperLimit, "limit", "+1.96 SD")}
      {line(data.lowerLimit, "limit", "−1.96 SD")}
      {data.points.map((p) => (
        <circle key={p.label} class="dot point" cx={x(f(p.mean))} cy={y(f(p.difference))} r={4.5}>
          <title>
            {p.label}: mean {f(p.mean).toFixed(1)}, difference {f(p.difference).toFixed(1)}
          </title>
        </circle>
      ))}
    </ChartFrame>
  );
}
