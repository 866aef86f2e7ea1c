import { CHART_MARGIN, ChartFrame } from "./chart-frame.tsx";
import { type DiceBySource, diceCellKey } from "./dice-by-source.ts";
import { linearScale } from "./plot-scale.ts";
import { LOSS_OPTIONS, optionLabel } from "./run-options.ts";

const WIDTH = 620;
const HEIGHT = 300;
const LOSS_COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"];

/** Test Dice against the expert, grouped by label source, one bar per loss. */
export function DiceBySourceChart({ grid }: { grid: DiceBySource }) {
  const y = linearScale([0, 1], [HEIGHT - CHART_MARGIN.bottom - 18, CHART_MARGIN.top], 5);
  const left = CHART_MARGIN.left + 8;
  const groupWidth = (WIDTH - CHART_MARGIN.right - left) / Math.max(1, grid.sources.length);
  const barWidth = Math.min(34, (groupWidth * 0.8) / Math.max(1, grid.losses.length));
  const base = y(0);
  return (
    <figure class="chart-figure">
      <ChartFrame
        width={WIDTH}
        height={HEIGHT}
        y={y}
        xTitle="label source"
        yTitle="test Dice vs expert"
        description={`Mean test Dice per label source and loss, ${grid.cells.size} combinations`}
      >
        {grid.sources.map((source, s) => {
          const groupLeft =
            left + s * groupWidth + (groupWidth - barWidth * grid.losses.length) / 2;
          return (
            <g key={source}>
              {grid.losses.map((loss, l) => {
                const cell = grid.cells.get(diceCellKey(source, loss));
                if (!cell) return null;
                return (
                  <rect
                    key={loss}
                    x={groupLeft + l * barWidth + 1}
                    y={y(cell.dice)}
                    width={barWidth - 2}
                    height={base - y(cell.dice)}
                    fill={LOSS_COLORS[l % LOSS_COLORS.length]}
                  >
                    <title>
                      {source}, {optionLabel(LOSS_OPTIONS, loss)}: {cell.dice.toFixed(3)} (
                      {cell.runs} run
                      {cell.runs === 1 ? "" : "s"})
                    </title>
                  </rect>
                );
              })}
              <text
                class="tick category"
                x={left + (s + 0.5) * groupWidth}
                y={base + 14}
                text-anchor="middle"
              >
                {source.length > 30 ? `${source.slice(0, 29)}…` : source}
              </text>
            </g>
          );
        })}
      </ChartFrame>
      <figcaption class="chart-legend">
        {grid.losses.map((loss, l) => (
          <span key={loss}>
            <span
              class="swatch"
              style={{ background: LOSS_COLORS[l % LOSS_COLORS.length] }}
              aria-hidden="true"
            />
            {optionLabel(LOSS_OPTIONS, loss)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
