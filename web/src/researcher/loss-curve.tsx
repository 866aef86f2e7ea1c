import { CHART_MARGIN, ChartFrame } from "./chart-frame.tsx";
import type { LossPoint } from "./loss-curve-points.ts";
import { linearScale } from "./plot-scale.ts";

// about the panel's width at 1440 px, so text in the chart stays text-sized
const WIDTH = 920;
const HEIGHT = 280;

/** Training loss (left axis) and validation Dice at epoch ends (right axis, 0–1). */
export function LossCurve({ points, xTitle }: { points: readonly LossPoint[]; xTitle: string }) {
  if (points.length === 0) {
    return <p class="muted chart-empty">The loss curve appears with the first training step.</p>;
  }
  const xs = points.map((p) => p.x);
  const losses = points.map((p) => p.loss);
  const last = Math.max(...xs);
  // steps and epochs are whole numbers: no tick at epoch 2.5
  const x = linearScale(
    [Math.min(0, ...xs), last],
    [CHART_MARGIN.left, WIDTH - CHART_MARGIN.right],
    Math.max(1, Math.min(6, Math.ceil(last))),
  );
  const y = linearScale(
    [0, Math.max(...losses)],
    [HEIGHT - CHART_MARGIN.bottom, CHART_MARGIN.top],
    4,
  );
  const dice = linearScale([0, 1], [HEIGHT - CHART_MARGIN.bottom, CHART_MARGIN.top], 4);
  const line = points
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(p.x).toFixed(1)},${y(p.loss).toFixed(1)}`)
    .join("");
  const validated = points.filter((p) => p.validationDice !== null);
  const latest = points.at(-1)!;
  return (
    <ChartFrame
      width={WIDTH}
      height={HEIGHT}
      x={x}
      y={y}
      y2={dice}
      xTitle={xTitle}
      yTitle="training loss"
      y2Title="validation Dice"
      description={`Loss curve: ${points.length} points, latest loss ${latest.loss.toFixed(3)}${
        validated.length
          ? `, latest validation Dice ${validated.at(-1)!.validationDice!.toFixed(3)}`
          : ""
      }`}
      format={(v) => (Math.abs(v) >= 10 ? v.toFixed(0) : String(v))}
    >
      <path class="series loss" d={line} />
      {validated.length > 1 ? (
        <path
          class="series dice"
          d={validated
            .map(
              (p, i) =>
                `${i === 0 ? "M" : "L"}${x(p.x).toFixed(1)},${dice(p.validationDice!).toFixed(1)}`,
            )
            .join("")}
        />
      ) : null}
      {validated.map((p) => (
        <circle key={p.x} class="dot dice" cx={x(p.x)} cy={dice(p.validationDice!)} r={3.5} />
      ))}
    </ChartFrame>
  );
}
