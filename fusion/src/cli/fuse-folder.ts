/**
 * Fuse a folder of raters' masks without a database and print agreement and (with a reference)
 * accuracy metrics.
 *
 *   tsx fusion/src/cli/fuse-folder.ts <folder> [--method mv|weighted|staple] [--classes N]
 *     [--map 0:1,255:0] [--reference mask] [--priors step,step] [--out prefix]
 *
 * Every .png, .nii or .nii.gz in <folder> is one rater's label map of the same slice or volume.
 * `--map` rewrites stored values to classes (e.g. BU-BIL's black-on-white masks: 0:1,255:0).
 * `weighted` weights raters by their STAPLE reliability. `--out` writes <prefix>_labels.nii.gz
 * and one uint8-quantized probability volume per class, <prefix>_p<k>.nii.gz (scl_slope 1/255).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { decodeLabelPng, readNiftiLabels, writeNifti } from "@crowdseg/imaging";
import {
  applyAnatomicalPriors,
  brierScore,
  dice,
  estimateRaterReliability,
  expectedCalibrationError,
  type FusionResult,
  fleissKappa,
  hausdorff95,
  majorityVote,
  PRIOR_STEPS,
  type PriorStep,
  pairwiseRaterDice,
  stapleMultiLabel,
  weightedVote,
} from "../index.ts";

interface LabelFile {
  name: string;
  width: number;
  height: number;
  depth: number;
  labels: Uint8Array;
}

function readLabels(path: string): LabelFile {
  const bytes = readFileSync(path);
  if (/\.png$/i.test(path)) {
    const png = decodeLabelPng(bytes);
    return {
      name: basename(path),
      width: png.width,
      height: png.height,
      depth: 1,
      labels: png.labels,
    };
  }
  const nii = readNiftiLabels(bytes);
  return {
    name: basename(path),
    width: nii.width,
    height: nii.height,
    depth: nii.depth,
    labels: nii.data,
  };
}

function parseMap(spec: string | undefined): Map<number, number> | undefined {
  if (!spec) return undefined;
  return new Map(
    spec.split(",").map((pair) => {
      const [from, to] = pair.split(":").map(Number);
      if (!Number.isInteger(from) || !Number.isInteger(to))
        throw new Error(`bad --map entry "${pair}"`);
      return [from!, to!] as [number, number];
    }),
  );
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      method: { type: "string", default: "staple" },
      classes: { type: "string" },
      map: { type: "string" },
      reference: { type: "string" },
      priors: { type: "string", default: "" },
      out: { type: "string" },
    },
  });
  const folder = positionals[0];
  if (!folder) throw new Error("usage: fuse-folder <folder> [--method mv|weighted|staple] ...");
  const map = parseMap(values.map);
  const remap = (f: LabelFile): LabelFile =>
    map ? { ...f, labels: Uint8Array.from(f.labels, (v) => map.get(v) ?? v) } : f;
  const files = readdirSync(folder)
    .filter((f) => /\.(png|nii|nii\.gz)$/i.test(f))
    .sort()
    .map((f) => remap(readLabels(join(folder, f))));
  if (files.length === 0) throw new Error(`no .png/.nii/.nii.gz masks in ${folder}`);
  const { width, height, depth } = files[0]!;
  for (const f of files) {
    if (f.width !== width || f.height !== height || f.depth !== depth) {
      throw new Error(
        `${f.name} is ${f.width}×${f.height}×${f.depth}, expected ${width}×${height}×${depth}`,
      );
    }
  }
  const labels = files.map((f) => f.labels);
  const reference = values.reference ? remap(readLabels(values.reference)).labels : undefined;
  let maxLabel = 0;
  for (const m of [...labels, ...(reference ? [reference] : [])])
    for (const v of m) if (v > maxLabel) maxLabel = v;
  const numClasses = values.classes ? Number(values.classes) : Math.max(2, maxLabel + 1);
  const shape = { width, height, depth };

  let fused: FusionResult;
  const raterLines: string[] = [];
  const method = values.method;
  if (method === "mv") {
    fused = majorityVote(labels, { numClasses });
  } else if (method === "staple" || method === "weighted") {
    const staple = stapleMultiLabel(labels, { numClasses });
    const rel = estimateRaterReliability({
      numClasses,
      numRaters: labels.length,
      slices: [{ raters: labels.map((_, r) => r), labels }],
    });
    files.forEach((f, r) => {
      const m = staple.fit.confusion[r]!;
      const diag = Array.from({ length: numClasses }, (_, t) => m[t * numClasses + t]!.toFixed(3));
      raterLines.push(
        `  ${f.name}: P(says t | t) = [${diag.join(", ")}], reliability ${rel.reliability[r]!.toFixed(3)}`,
      );
    });
    fused =
      method === "staple"
        ? staple
        : weightedVote(labels, { numClasses, weights: Array.from(rel.reliability) });
    raterLines.unshift(
      `STAPLE: ${staple.fit.iterations} iterations, converged=${staple.fit.converged}`,
    );
  } else {
    throw new Error(`unknown --method ${method}; use mv, weighted or staple`);
  }

  const steps = (values.priors ?? "").split(",").filter(Boolean);
  for (const s of steps) {
    if (!(PRIOR_STEPS as readonly string[]).includes(s)) {
      throw new Error(`unknown prior "${s}"; known: ${PRIOR_STEPS.join(", ")}`);
    }
  }
  if (steps.length > 0) {
    const enabled = Object.fromEntries(steps.map((s) => [s, true])) as Partial<
      Record<PriorStep, boolean>
    >;
    const out = applyAnatomicalPriors(fused.probabilities, shape, { numClasses, enabled });
    fused = { numClasses, probabilities: out.probabilities, labels: out.labels };
  }

  console.log(
    `${files.length} raters, ${width}×${height}×${depth}, ${numClasses} classes, method ${method}` +
      (steps.length ? `, priors ${steps.join(", ")}` : ""),
  );
  for (const line of raterLines) console.log(line);
  console.log(`Fleiss' kappa: ${fleissKappa(labels, { numClasses }).toFixed(4)}`);
  for (let k = 1; k < numClasses; k++) {
    console.log(
      `class ${k}: mean pairwise rater Dice ${pairwiseRaterDice(labels, { numClasses, label: k }).mean.toFixed(4)}`,
    );
  }
  if (reference) {
    for (let k = 1; k < numClasses; k++) {
      const fusedDice = dice(fused.labels, reference, { label: k });
      const hd = hausdorff95(fused.labels, reference, shape, { label: k, planar: depth > 1 });
      const raters = labels.map((m) => dice(m, reference, { label: k }).toFixed(3)).join(", ");
      console.log(
        `class ${k} vs reference: fused Dice ${fusedDice.toFixed(4)}, HD95 ${hd.toFixed(2)} px; raters' Dice [${raters}]`,
      );
    }
    console.log(
      `soft label vs reference: Brier ${brierScore(fused.probabilities, reference, { numClasses }).toFixed(4)}, ` +
        `ECE ${expectedCalibrationError(fused.probabilities, reference, { numClasses }).toFixed(4)}`,
    );
  }
  if (values.out) {
    const n = width * height * depth;
    writeFileSync(
      `${values.out}_labels.nii.gz`,
      writeNifti({ width, height, depth, data: fused.labels }, { gzip: true }),
    );
    for (let k = 0; k < numClasses; k++) {
      const q = new Uint8Array(n);
      for (let i = 0; i < n; i++) q[i] = Math.round(fused.probabilities[k * n + i]! * 255);
      writeFileSync(
        `${values.out}_p${k}.nii.gz`,
        writeNifti(
          { width, height, depth, data: q },
          { gzip: true, sclSlope: 1 / 255, description: `P(class ${k})` },
        ),
      );
    }
    console.log(`wrote ${values.out}_labels.nii.gz and ${numClasses} probability volumes`);
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
