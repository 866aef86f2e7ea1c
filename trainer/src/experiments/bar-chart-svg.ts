import { escapeXml } from "./svg-text.ts";

export interface BarGroup {
  /** Label under the group, e.g. a label source. */
  label: string;
  /** One value per series (null: no bar, e.g. a failed run). */
  values: (number | null)[];
}

export interface BarChartOptions {
  title: string;
  /** Names of the series, one colour each, e.g. the losses. */
  series: string[];
  yLabel: string;
  /** Top of the y axis; default 1 (Dice). */
  yMax?: number;
  /** A dashed horizontal line, e.g. the expert-trained score. */
  reference?: { value: number; label: string };
}

const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];

/** A grouped bar chart as a self-contained SVG string, values printed on the bars. */
export function barChartSvg(groups: readonly BarGroup[], options: BarChartOptions): string {
  const width = 120 + groups.length * (options.series.length * 34 + 30);
  const height = 320;
  const left = 60;
  const top = 40;
  const plotHeight = 200;
  const yMax = options.yMax ?? 1;
  const y = (v: number) => top + plotHeight * (1 - Math.min(v, yMax) / yMax);
  const parts: string[] = [];
  parts.push(
    `<text x="${width / 2}" y="20" text-anchor="middle" font-weight="bold">${escapeXml(options.title)}</text>`,
  );
  for (let i = 0; i <= 5; i++) {
    const v = (yMax * i) / 5;
    parts.push(
      `<line x1="${left}" x2="${width - 20}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${v.toFixed(2)}</text>`,
    );
  }
  parts.push(
    `<text x="14" y="${top + plotHeight / 2}" transform="rotate(-90 14 ${top + plotHeight / 2})" text-anchor="middle" font-size="12">${escapeXml(options.yLabel)}</text>`,
  );
  let x = left + 20;
  for (const group of groups) {
    const groupStart = x;
    for (const [s, value] of group.values.entries()) {
      if (value !== null) {
        parts.push(
          `<rect x="${x}" y="${y(value)}" width="28" height="${top + plotHeight - y(value)}" fill="${COLOURS[s % COLOURS.length]}"><title>${escapeXml(`${group.label}, ${options.series[s]}: ${value.toFixed(3)}`)}</title></rect>`,
          `<text x="${x + 14}" y="${y(value) - 3}" text-anchor="middle" font-size="10">${value.toFixed(2)}</text>`,
        );
      }
      x += 34;
    }
    parts.push(
      `<text x="${(groupStart + x - 6) / 2}" y="${top + plotHeight + 16}" text-anchor="middle" font-size="12">${escapeXml(group.label)}</text>`,
    );
    x += 30;
  }
  if (options.reference) {
    const ry = y(options.reference.value);
    parts.push(
      `<line x1="${left}" x2="${width - 20}" y1="${ry}" y2="${ry}" stroke="#000" stroke-dasharray="5,4"/>`,
      `<text x="${width - 22}" y="${ry - 4}" text-anchor="end" font-size="11">${escapeXml(options.reference.label)}</text>`,
    );
  }
  for (const [s, name] of options.series.entries()) {
    const lx = left + s * 140;
    parts.push(
      `<rect x="${lx}" y="${height - 40}" width="12" height="12" fill="${COLOURS[s % COLOURS.length]}"/>`,
      `<text x="${lx + 18}" y="${height - 30}" font-size="12">${escapeXml(name)}</text>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">${parts.join("")}</svg>`;
}
