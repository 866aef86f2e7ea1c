/**
 * `pnpm experiment:acdc [options]`: imports ACDC patients into a fresh embedded database, lets a
 * simulated non-expert crowd label the training and validation patients, fuses their labels, and
 * trains the grid expert labels vs fused labels × CE vs NCE+RCE (U-Net by default), each tested
 * on held-out patients against the expert. Prints the table, the EF agreement, the settings and
 * the wall time; writes report.md, report.html (plots) and report.json to the output folder.
 *
 *   --train 20 --validation 5 --test 10   patients from ACDC's train/val/test lists
 *   --image-size 64 --epochs 6 --batch-size 8 --learning-rate 0.001 --base-filters 16 --depth 4
 *   --losses ce,nce+rce --architectures unet --fusion staple --raters-per-slice 5 --seed 1
 *   --out data/experiments/acdc-<time>   --acdc ../shared/data/acdc   --backend wasm
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { BackendChoice } from "../backend/select-backend.ts";
import { ARCHITECTURES, type Architecture, isArchitecture } from "../models/create-model.ts";
import { isLossName, LOSS_NAMES, type LossName } from "../training/create-loss.ts";
import { runAcdcExperiment } from "./run-acdc-experiment.ts";

const { values } = parseArgs({
  options: {
    acdc: {
      type: "string",
      default: new URL("../../../../shared/data/acdc", import.meta.url).pathname,
    },
    out: { type: "string" },
    train: { type: "string", default: "20" },
    validation: { type: "string", default: "5" },
    test: { type: "string", default: "10" },
    "image-size": { type: "string", default: "64" },
    epochs: { type: "string", default: "6" },
    "batch-size": { type: "string", default: "8" },
    "learning-rate": { type: "string", default: "0.001" },
    "base-filters": { type: "string", default: "16" },
    depth: { type: "string", default: "4" },
    seed: { type: "string", default: "1" },
    "raters-per-slice": { type: "string", default: "5" },
    fusion: { type: "string", default: "staple" },
    losses: { type: "string", default: "ce,nce+rce" },
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

const losses = values.losses!.split(",").map((name) => {
  if (!isLossName(name))
    throw new Error(`--losses: unknown loss "${name}"; use ${LOSS_NAMES.join(", ")}`);
  return name as LossName;
});
const architectures = values.architectures!.split(",").map((name) => {
  if (!isArchitecture(name))
    throw new Error(`--architectures: unknown "${name}"; use ${ARCHITECTURES.join(", ")}`);
  return name as Architecture;
});
const outDir = path.resolve(
  values.out ?? `data/experiments/acdc-${new Date().toISOString().replaceAll(/[:.]/g, "-")}`,
);
if (existsSync(path.join(outDir, "pg")))
  throw new Error(`${outDir} already holds a database: give a fresh --out folder`);
const command = `pnpm experiment:acdc ${process.argv.slice(2).join(" ")}`.trim();

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
