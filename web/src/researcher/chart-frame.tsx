import type { ComponentChildren } from "preact";
import type { LinearScale } from "./plot-scale.ts";

export const CHART_MARGIN = { top: 14, right: 48, bottom: 40, left: 52 };

interface ChartFrameProps {
  width: number;
  height: number;
  /** omit for a categorical x axis drawn by the chart itself */
  x?: LinearScale;
  y: LinearScale;
  /** a second y axis on the right, e.g. Dice beside the loss */
  y2?: LinearScale;
  xTitle: string;
  yTitle: string;
  y2Title?: string;
  /** what the chart shows, for screen readers */
  description: string;
  children: ComponentChildren;
  format?: (value: number) => string;
}

/** The axes, grid and titles every plot on the researcher page shares, as scalable SVG. */
export function ChartFrame(props: ChartFrameProps) {
  const { width, height, x, y, y2 } = props;
  const format = props.format ?? ((v: number) => String(v));
  const left = CHART_MARGIN.left;
  const right = width - CHART_MARGIN.right;
  const top = CHART_MARGIN.top;
  const bottom = height - CHART_MARGIN.bottom;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={props.description}
      preserveAspectRatio="xMidYMid meet"
    >
      {y.ticks.map((tick) => (
        <g key={`y${tick}`}>
          <line class="grid" x1={left} x2={right} y1={y(tick)} y2={y(tick)} />
          <text class="tick" x={left - 6} y={y(tick)} text-anchor="end" dominant-baseline="middle">
            {format(tick)}
          </text>
        </g>
      ))}
      {y2?.ticks.map((tick) => (
        <text
          key={`y2${tick}`}
          class="tick secondary"
          x={right + 6}
          y={y2(tick)}
          dominant-baseline="middle"
        >
          {format(tick)}
        </text>
      ))}
      {x?.ticks.map((tick) => (
        <text key={`x${tick}`} class="tick" x={x(tick)} y={bottom + 16} text-anchor="middle">
          {format(tick)}
        </text>
      ))}
      <line class="axis" x1={left} x2={right} y1={bottom} y2={bottom} />
      <line class="axis" x1={left} x2={left} y1={top} y2={bottom} />
      <text class="axis-title" x={(left + right) / 2} y={height - 6} text-anchor="middle">
        {props.xTitle}
      </text>
      <text
        class="axis-title"
        transform={`translate(14 ${(top + bottom) / 2}) rotate(-90)`}
        text-anchor="middle"
      >
        {props.yTitle}
      </text>
      {props.y2Title ? (
        <text
          class="axis-title secondary"
          transform={`translate(${width - 10} ${(top + bottom) / 2}) rotate(90)`}
          text-anchor="middle"
        >
          {props.y2Title}
        </text>
      ) : null}
      {props.children}
    </svg>
  );
}
