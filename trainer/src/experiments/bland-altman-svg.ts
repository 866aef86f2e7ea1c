import { escapeXml } from "./svg-text.ts";

export interface BlandAltmanPlotOptions {
  title: string;
  /** Unit of the measurement, for the axis labels. */
  unit: string;
}

/**
 * A Bland–Altman plot as a self-contained SVG string: (mean, difference) per patient, the bias
 * and the limits of agreement (bias ± 1.96 SD) as horizontal lines.
 */
export function blandAltmanSvg(
  pairs: readonly { measured: number; reference: number }[],
  options: BlandAltmanPlotOptions,
): string {
  const width = 360;
  const height = 260;
  const left = 56;
  const top = 30;
  const plotWidth = width - left - 20;
  const plotHeight = height - top - 50;
  const points = pairs.map((p) => ({
    mean: (p.measured + p.reference) / 2,
    difference: p.measured - p.reference,
  }));
  const n = points.length;
  const bias = n > 0 ? points.reduce((s, p) => s + p.difference, 0) / n : 0;
  const sd =
    n > 1 ? Math.sqrt(points.reduce((s, p) => s + (p.difference - bias) ** 2, 0) / (n - 1)) : 0;
  const lines = [
    { value: bias, label: `bias ${bias.toFixed(3)}` },
    { value: bias + 1.96 * sd, label: `+1.96 SD ${(bias + 1.96 * sd).toFixed(3)}` },
    { value: bias - 1.96 * sd, label: `−1.96 SD ${(bias - 1.96 * sd).toFixed(3)}` },
  ];
  const xs = points.map((p) => p.mean);
  const ys = [...points.map((p) => p.difference), ...lines.map((l) => l.value), 0];
  const [xMin, xMax] = padded(
    Math.min(...xs, Number.POSITIVE_INFINITY),
    Math.max(...xs, Number.NEGATIVE_INFINITY),
  );
  const [yMin, yMax] = padded(Math.min(...ys), Math.max(...ys));
  const px = (v: number) => left + ((v - xMin) / (xMax - xMin)) * plotWidth;
  const py = (v: number) => top + (1 - (v - yMin) / (yMax - yMin)) * plotHeight;
  const parts: string[] = [
    `<text x="${width / 2}" y="18" text-anchor="middle" font-weight="bold" font-size="13">${escapeXml(options.title)}</text>`,
    `<rect x="${left}" y="${top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#999"/>`,
    `<line x1="${left}" x2="${left + plotWidth}" y1="${py(0)}" y2="${py(0)}" stroke="#ccc"/>`,
  ];
  for (const [i, line] of lines.entries()) {
    parts.push(
      `<line x1="${left}" x2="${left + plotWidth}" y1="${py(line.value)}" y2="${py(line.value)}" stroke="${i === 0 ? "#d62728" : "#1f77b4"}" stroke-dasharray="${i === 0 ? "" : "4,3"}"/>`,
      `<text x="${left + plotWidth - 2}" y="${py(line.value) - 3}" text-anchor="end" font-size="10">${escapeXml(line.label)}</text>`,
    );
  }
  for (const p of points) {
    parts.push(
      `<circle cx="${px(p.mean)}" cy="${py(p.difference)}" r="3.5" fill="#333" fill-opacity="0.7"/>`,
    );
  }
  for (const [v, at] of [
    [xMin, "start"],
    [xMax, "end"],
  ] as const) {
    parts.push(
      `<text x="${px(v)}" y="${top + plotHeight + 14}" text-anchor="${at}" font-size="10">${v.toFixed(2)}</text>`,
    );
  }
  parts.push(
    `<text x="${left + plotWidth / 2}" y="${height - 12}" text-anchor="middle" font-size="11">mean of model and expert (${escapeXml(options.unit)})</text>`,
    `<text x="12" y="${top + plotHeight / 2}" transform="rotate(-90 12 ${top + plotHeight / 2})" text-anchor="middle" font-size="11">model − expert (${escapeXml(options.unit)})</text>`,
    `<text x="${left - 4}" y="${py(yMax) + 10}" text-anchor="end" font-size="10">${yMax.toFixed(2)}</text>`,
    `<text x="${left - 4}" y="${py(yMin)}" text-anchor="end" font-size="10">${yMin.toFixed(2)}</text>`,
  );
  if (n === 0)
    parts.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle">no patients</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">${parts.join("")}</svg>`;
}

function padded(min: number, max: number): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  const span = max - min || Math.abs(max) || 1;
  return [min - 0.08 * span, max + 0.08 * span];
}
