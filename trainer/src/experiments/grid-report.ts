import { barChartSvg } from "./bar-chart-svg.ts";
import { blandAltmanSvg } from "./bland-altman-svg.ts";
import type { GridResult } from "./run-grid.ts";
import { escapeXml } from "./svg-text.ts";

export interface GridReportOptions {
  title: string;
  /** Lines printed under the title: data, command, settings, caveats (units!). */
  notes?: readonly string[];
}

/** One run of the grid as the report's table shows it. */
export interface GridRow {
  labelSource: string;
  expertLabelSource: boolean;
  loss: string;
  architecture: string;
  status: string;
  labelsUsed: { expert: number; crowd: number };
  dice: { rv: number; myocardium: number; lv: number; mean: number } | null;
  /** The same loss and model trained on the expert labels, minus this run: the price of the source. */
  diceGapToExpert: number | null;
  hd95Lv: number | null;
  distanceUnit: string | null;
  ejectionFraction: { bias: number; lowerLimit: number; upperLimit: number; n: number } | null;
  efPairs: { measured: number; reference: number }[];
  bestValidationDice: number | null;
  epochs: number | null;
  trainingSeconds: number | null;
  error: string | null;
}

export interface GridReport {
  rows: GridRow[];
  /** Sentences answering which combination comes closest to expert-trained quality. */
  answer: string[];
  markdown: string;
  html: string;
  json: string;
}

interface TestMetrics {
  meanDice: { rv: number; myocardium: number; lv: number; mean: number };
  meanHd95: { lv: number | null };
  distanceUnit: string | null;
  agreement: {
    ejectionFraction: { bias: number; lowerLimit: number; upperLimit: number; n: number };
  } | null;
  patients: { predicted: { ejectionFraction: number }; reference: { ejectionFraction: number } }[];
}

/**
 * The report of an experiment grid: a table per run (test Dice per structure, the gap to the
 * expert-trained run of the same loss and model, HD95, EF agreement, annotation cost), a few
 * sentences saying which non-expert combination comes closest to expert-trained quality, and
 * plots (Dice per label source and loss; Bland–Altman of EF per run) as inline SVG in one HTML file.
 */
export function gridReport(results: readonly GridResult[], options: GridReportOptions): GridReport {
  const rows = results.map(rowOf);
  for (const row of rows) {
    const expert = rows.find(
      (r) => r.expertLabelSource && r.loss === row.loss && r.architecture === row.architecture,
    );
    row.diceGapToExpert = expert?.dice && row.dice ? expert.dice.mean - row.dice.mean : null;
  }
  const answer = answerOf(rows);
  return {
    rows,
    answer,
    markdown: markdownOf(rows, answer, options),
    html: htmlOf(rows, answer, options),
    json: JSON.stringify(
      { title: options.title, notes: options.notes ?? [], answer, rows, results },
      null,
      2,
    ),
  };
}

function rowOf(result: GridResult): GridRow {
  const m = result.metrics;
  const test = (m?.test ?? null) as TestMetrics | null;
  return {
    labelSource: result.labelSource,
    expertLabelSource: result.source.kind === "reference",
    loss: result.loss,
    architecture: result.architecture,
    status: result.status,
    labelsUsed: result.labelsUsed,
    dice: test?.meanDice ?? null,
    diceGapToExpert: null,
    hd95Lv: test?.meanHd95.lv ?? null,
    distanceUnit: test?.distanceUnit ?? null,
    ejectionFraction: test?.agreement?.ejectionFraction ?? null,
    efPairs: (test?.patients ?? []).map((p) => ({
      measured: p.predicted.ejectionFraction,
      reference: p.reference.ejectionFraction,
    })),
    bestValidationDice: (m?.bestValidationDice as number | null | undefined) ?? null,
    epochs: (m?.epochsCompleted as number | undefined) ?? null,
    trainingSeconds: (m?.trainingSeconds as number | undefined) ?? null,
    error: result.error,
  };
}

function answerOf(rows: GridRow[]): string[] {
  const scored = rows.filter((r) => r.dice !== null);
  const expert = scored.filter((r) => r.expertLabelSource);
  const others = scored.filter((r) => !r.expertLabelSource);
  const name = (r: GridRow) => `${r.labelSource} + ${r.loss} (${r.architecture})`;
  const lines: string[] = [];
  const bestExpert = [...expert].sort((a, b) => b.dice!.mean - a.dice!.mean)[0];
  const bestOther = [...others].sort((a, b) => b.dice!.mean - a.dice!.mean)[0];
  if (bestExpert) {
    lines.push(
      `Best expert-trained run: ${name(bestExpert)}, mean test Dice ${bestExpert.dice!.mean.toFixed(3)}.`,
    );
  }
  if (bestOther) {
    const gap = bestOther.diceGapToExpert;
    lines.push(
      `Closest to expert-trained quality without expert labels: ${name(bestOther)}, mean test Dice ` +
        `${bestOther.dice!.mean.toFixed(3)}` +
        (gap === null
          ? "."
          : ` (${formatSigned(-gap)} against the expert-trained run with the same loss and model).`),
    );
  }
  const withEf = others.filter((r) => r.ejectionFraction !== null);
  const bestEf = [...withEf].sort(
    (a, b) =>
      Math.abs(a.ejectionFraction!.bias) +
      (a.ejectionFraction!.upperLimit - a.ejectionFraction!.lowerLimit) / 2 -
      (Math.abs(b.ejectionFraction!.bias) +
        (b.ejectionFraction!.upperLimit - b.ejectionFraction!.lowerLimit) / 2),
  )[0];
  if (bestEf) {
    const ef = bestEf.ejectionFraction!;
    lines.push(
      `Best EF agreement without expert labels: ${name(bestEf)}, bias ${formatSigned(ef.bias)} ` +
        `(limits ${formatSigned(ef.lowerLimit)} to ${formatSigned(ef.upperLimit)}, n = ${ef.n}).`,
    );
  }
  const failed = rows.filter((r) => r.status !== "succeeded");
  if (failed.length > 0) {
    const why = failed.map(
      (r) => `${name(r)}: ${(r.error ?? "no error recorded").replace(/\.$/, "")}`,
    );
    lines.push(`${failed.length} run(s) failed: ${why.join("; ")}.`);
  }
  return lines;
}

const HEADER = [
  "label source",
  "loss",
  "model",
  "expert / crowd labels",
  "Dice RV",
  "Dice Myo",
  "Dice LV",
  "Dice mean",
  "gap to expert",
  "HD95 LV",
  "EF bias [95% LoA]",
  "best val Dice",
  "epochs",
  "train s",
];

function cellsOf(row: GridRow): string[] {
  const f = (v: number | null | undefined, digits = 3) =>
    v === null || v === undefined ? "–" : v.toFixed(digits);
  const ef = row.ejectionFraction;
  return [
    row.labelSource,
    row.loss,
    row.architecture,
    row.status === "succeeded" ? `${row.labelsUsed.expert} / ${row.labelsUsed.crowd}` : "–",
    f(row.dice?.rv),
    f(row.dice?.myocardium),
    f(row.dice?.lv),
    f(row.dice?.mean),
    row.expertLabelSource || row.diceGapToExpert === null ? "–" : formatSigned(row.diceGapToExpert),
    row.hd95Lv === null ? "–" : `${row.hd95Lv.toFixed(1)} ${row.distanceUnit ?? ""}`.trim(),
    ef === null
      ? "–"
      : `${formatSigned(ef.bias)} [${formatSigned(ef.lowerLimit)}, ${formatSigned(ef.upperLimit)}]`,
    f(row.bestValidationDice),
    row.epochs === null ? "–" : String(row.epochs),
    f(row.trainingSeconds, 0),
  ];
}

function markdownOf(rows: GridRow[], answer: string[], options: GridReportOptions): string {
  const lines = [`# ${options.title}`, "", ...(options.notes ?? []).map((n) => `- ${n}`), ""];
  lines.push(`| ${HEADER.join(" | ")} |`, `|${HEADER.map(() => " --- ").join("|")}|`);
  for (const row of rows) lines.push(`| ${cellsOf(row).join(" | ")} |`);
  lines.push("", ...answer.map((a) => `**${a}**`), "");
  lines.push(
    "Dice and HD95 are means over the held-out test volumes against the expert reference; the gap is the " +
      "expert-trained run's mean Dice (same loss and model) minus this run's. EF is a fraction (0.6 = 60 %); " +
      "its bias is model − expert.",
  );
  return `${lines.join("\n")}\n`;
}

function htmlOf(rows: GridRow[], answer: string[], options: GridReportOptions): string {
  const sources = [...new Set(rows.map((r) => r.labelSource))];
  const series = [...new Set(rows.map((r) => `${r.loss} · ${r.architecture}`))];
  const groups = sources.map((label) => ({
    label,
    values: series.map(
      (s) =>
        rows.find((r) => r.labelSource === label && `${r.loss} · ${r.architecture}` === s)?.dice
          ?.mean ?? null,
    ),
  }));
  const bestExpert = Math.max(
    ...rows.filter((r) => r.expertLabelSource && r.dice).map((r) => r.dice!.mean),
  );
  const charts = [
    barChartSvg(groups, {
      title: "Mean test Dice (RV, myocardium, LV) by label source and loss",
      series,
      yLabel: "Dice",
      ...(Number.isFinite(bestExpert)
        ? { reference: { value: bestExpert, label: "best expert-trained" } }
        : {}),
    }),
    ...(["rv", "myocardium", "lv"] as const).map((structure) =>
      barChartSvg(
        sources.map((label) => ({
          label,
          values: series.map(
            (s) =>
              rows.find((r) => r.labelSource === label && `${r.loss} · ${r.architecture}` === s)
                ?.dice?.[structure] ?? null,
          ),
        })),
        { title: `Test Dice, ${structure}`, series, yLabel: "Dice" },
      ),
    ),
  ];
  const blandAltman = rows
    .filter((r) => r.efPairs.length > 0)
    .map((r) =>
      blandAltmanSvg(r.efPairs, {
        title: `EF: ${r.labelSource} + ${r.loss} (${r.architecture})`,
        unit: "fraction",
      }),
    );
  const table = [
    "<table><thead><tr>",
    ...HEADER.map((h) => `<th>${escapeXml(h)}</th>`),
    "</tr></thead><tbody>",
    ...rows.map(
      (r) =>
        `<tr>${cellsOf(r)
          .map((c) => `<td>${escapeXml(c)}</td>`)
          .join("")}</tr>`,
    ),
    "</tbody></table>",
  ].join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(options.title)}</title>
<style>body{font-family:sans-serif;margin:24px;max-width:1400px}table{border-collapse:collapse;font-size:13px}
td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}td:nth-child(-n+3),th{text-align:left}
.plots{display:flex;flex-wrap:wrap;gap:16px}</style></head><body>
<h1>${escapeXml(options.title)}</h1>
<ul>${(options.notes ?? []).map((n) => `<li>${escapeXml(n)}</li>`).join("")}</ul>
${answer.map((a) => `<p><strong>${escapeXml(a)}</strong></p>`).join("\n")}
${table}
<h2>Dice</h2><div class="plots">${charts.join("")}</div>
<h2>Ejection fraction: Bland–Altman, model against expert</h2><div class="plots">${blandAltman.join("")}</div>
</body></html>
`;
}

function formatSigned(value: number): string {
  const digits = Math.abs(value).toFixed(3);
  // A value that rounds to zero is printed without a sign, not as −0.000.
  return Number(digits) === 0 ? digits : `${value > 0 ? "+" : "−"}${digits}`;
}
