/**
 * `pnpm experiment:acdc [options]`: imports ACDC patients into a fresh embedded database, lets a
 * simulated non-expert crowd label the training and validation patients, fuses their labels, and
 * trains the grid expert labels vs fused labels × CE vs NCE+RCE (U-Net by default), each tested
 * on held-out patients against the expert. Prints the table, the EF agreement, the settings and
 * the wall time; writes report.md, report.html (plots) and report.json to the output folder.
 *
 *   --train 30 --validation 6 --test 20   patients from ACDC's train/val/test lists
 *   --image-size 64 --epochs 20 --batch-size 4 --learning-rate 0.003 --base-filters 8 --depth 4
 *   --augment off   (on: flips, ±15° rotations, intensity; it slows a 20-epoch run's convergence)
 *   --losses ce,nce+rce:warmup=5 (parameters as nce+rce:alpha=10:beta=0.1:warmup=5; the bounded
 *            losses warm up with CE for a quarter of the epochs unless warmup= says otherwise)
 *   --architectures unet --fusion staple --raters-per-slice 5 --seed 1
 *   --out data/experiments/acdc-<time>   --acdc ../shared/data/acdc   --backend wasm
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { BackendChoice } from "../backend/select-backend.ts";
import { ARCHITECTURES, type Architecture, isArchitecture } from "../models/create-model.ts";
import { parseGridLoss } from "./parse-grid-loss.ts";
import { runAcdcExperiment } from "./run-acdc-experiment.ts";

const { values } = parseArgs({
  options: {
    acdc: {
      type: "string",
      default: new URL("../../../../shared/data/acdc", import.meta.url).pathname,
    },
    out: { type: "string" },
    train: { type: "string", default: "30" },
    validation: { type: "string", default: "6" },
    test: { type: "string", default: "20" },
    "image-size": { type: "string", default: "64" },
    epochs: { type: "string", default: "20" },
    "batch-size": { type: "string", default: "4" },
    "learning-rate": { type: "string", default: "0.003" },
    "base-filters": { type: "string", default: "8" },
    augment: { type: "string", default: "off" },
    depth: { type: "string", default: "4" },
    seed: { type: "string", default: "1" },
    "raters-per-slice": { type: "string", default: "5" },
    fusion: { type: "string", default: "staple" },
    losses: { type: "string", default: "ce,nce+rce:warmup=5" },
    architectures: { type: "string", default: "unet" },
    backend: { type: "string" },
  },
});

function integer(name: keyof typeof values): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} must be a whole number, got ${values[name]}`);
  return value;
}

const losses = values.losses!.split(",").map(parseGridLoss);
const architectures = values.architectures!.split(",").map((name) => {
  if (!isArchitecture(name))
    throw new Error(`--architectures: unknown "${name}"; use ${ARCHITECTURES.join(", ")}`);
  return name as Architecture;
});
if (values.augment !== "on" && values.augment !== "off")
  throw new Error(`--augment must be on or off, got ${values.augment}`);
const outDir = path.resolve(
  values.out ?? `data/experiments/acdc-${new Date().toISOString().replaceAll(/[:.]/g, "-")}`,
);
if (existsSync(path.join(outDir, "pg")))
  throw new Error(`${outDir} already holds a database: give a fresh --out folder`);
// As invoked, so the report's command reruns exactly this experiment.
const command =
  `tsx ${path.relative(process.cwd(), process.argv[1]!)} ${process.argv.slice(2).join(" ")}`.trim();

const result = await runAcdcExperiment({
  acdcDir: path.resolve(values.acdc!),
  outDir,
  patients: { train: integer("train"), validation: integer("validation"), test: integer("test") },
  imageSize: integer("image-size"),
  epochs: integer("epochs"),
  batchSize: integer("batch-size"),
  learningRate: Number(values["learning-rate"]),
  baseFilters: integer("base-filters"),
  depth: integer("depth"),
  seed: integer("seed"),
  ratersPerSlice: integer("raters-per-slice"),
  augment: values.augment === "on",
  fusionMethod: values.fusion!,
  losses,
  architectures,
  ...(values.backend === undefined ? {} : { backends: [values.backend as BackendChoice] }),
  command,
  log: (line) => console.log(line),
});

console.log(`\n${result.report.markdown}`);
console.log(`command: ${command}`);
console.log(`wall time: ${result.wallSeconds.toFixed(0)} s`);
console.log(`report: ${result.files.markdown}, ${result.files.html}, ${result.files.json}`);
