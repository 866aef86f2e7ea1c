/**
 * `pnpm tsx fusion/bench/acdc.ts [volumes]`: ACDC test-split volumes (expert labels as the
 * reference) labeled by a simulated crowd of 7 non-expert raters from @crowdseg/phantom, each
 * slice seen by 5 of them. Prints Dice to the reference per class for the best single rater,
 * majority vote, study-wide STAPLE and the reliability-weighted soft label with and without each
 * anatomical prior, plus the soft labels' calibration.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readNiftiLabels } from "@crowdseg/imaging";
import {
  deriveSeed,
  type RaterKind,
  raterProfiles,
  SeededRandom,
  simulateRaterLabel,
} from "@crowdseg/phantom";
import {
  applyAnatomicalPriors,
  brierScore,
  dice,
  estimateRaterReliability,
  expectedCalibrationError,
  majorityVote,
  PRIOR_STEPS,
  type PriorStep,
  type RatedSlice,
  softLabelsReliabilityWeighted,
  stapleStudy,
} from "../src/index.ts";

const ACDC = new URL("../../../shared/data/acdc/", import.meta.url).pathname;
const C = 4;
const CLASS_NAMES = ["RV", "Myo", "LV"];
const CROWD: RaterKind[] = ["careful", "careful", "over", "under", "sloppy", "skipper", "spammer"];
const PER_SLICE = 5;

const limit = Number(process.argv[2] ?? 40);
const names = readFileSync(join(ACDC, "test.list"), "utf8")
  .split("\n")
  .filter(Boolean)
  .slice(0, limit);

interface Volume {
  name: string;
  width: number;
  height: number;
  depth: number;
  reference: Uint8Array;
  firstSlice: number;
}
const volumes: Volume[] = [];
const slices: RatedSlice[] = [];
const rng = new SeededRandom(deriveSeed(2024, 4));
for (const name of names) {
  const gt = readNiftiLabels(readFileSync(join(ACDC, `${name}_gt.nii.gz`)));
  const plane = gt.width * gt.height;
  volumes.push({
    name,
    width: gt.width,
    height: gt.height,
    depth: gt.depth,
    reference: gt.data,
    firstSlice: slices.length,
  });
  for (let z = 0; z < gt.depth; z++) {
    const truth = gt.data.subarray(z * plane, (z + 1) * plane);
    // Each slice goes to PER_SLICE raters drawn without replacement: ratings are missing by design.
    const raters = CROWD.map((_, r) => r)
      .sort(() => rng.next() - 0.5)
      .slice(0, PER_SLICE)
      .sort((a, b) => a - b);
    const labels = raters.map((r) =>
      simulateRaterLabel(truth, gt.width, gt.height, raterProfiles[CROWD[r]!], rng, {
        numClasses: C,
      }),
    );
    slices.push({ raters, labels });
  }
}
const study = { numClasses: C, numRaters: CROWD.length, slices };

const t0 = performance.now();
const staple = stapleStudy(study);
const tStaple = performance.now() - t0;
const reliability = estimateRaterReliability(study);
const weighted = softLabelsReliabilityWeighted(study, { reliability: reliability.reliability });

/** Stacks per-slice maps of one volume back into a volume. */
function stack<T extends Uint8Array | Float32Array>(
  v: Volume,
  get: (s: number) => T,
  perVoxel: number,
): T {
  const plane = v.width * v.height;
  const n = plane * v.depth;
  const out = (
    get(v.firstSlice) instanceof Float32Array
      ? new Float32Array(perVoxel * n)
      : new Uint8Array(perVoxel * n)
  ) as T;
  for (let z = 0; z < v.depth; z++) {
    const m = get(v.firstSlice + z);
    for (let k = 0; k < perVoxel; k++)
      out.set(m.subarray(k * plane, (k + 1) * plane), k * n + z * plane);
  }
  return out;
}

interface Acc {
  dice: number[][];
  brier: number[];
  ece: number[];
}
const results = new Map<string, Acc>();
function record(
  method: string,
  v: Volume,
  hard: Uint8Array,
  soft?: Float32Array,
  mask?: Uint8Array,
) {
  let a = results.get(method);
  if (!a) {
    a = { dice: [[], [], []], brier: [], ece: [] };
    results.set(method, a);
  }
  for (let k = 1; k < C; k++) a.dice[k - 1]!.push(dice(hard, v.reference, { label: k }));
  if (soft && mask) {
    a.brier.push(brierScore(soft, v.reference, { numClasses: C, mask }));
    a.ece.push(expectedCalibrationError(soft, v.reference, { numClasses: C, mask }));
  }
}

// The best single rater is an oracle pick by mean Dice over the slices it labeled.
const raterDice = CROWD.map(() => [] as number[]);
for (const v of volumes) {
  for (let r = 0; r < CROWD.length; r++) {
    const plane = v.width * v.height;
    const got = new Uint8Array(plane * v.depth);
    const ref = new Uint8Array(plane * v.depth);
    let any = false;
    for (let z = 0; z < v.depth; z++) {
      const s = slices[v.firstSlice + z]!;
      const j = s.raters.indexOf(r);
      if (j < 0) continue;
      any = true;
      got.set(s.labels[j]!, z * plane);
      ref.set(v.reference.subarray(z * plane, (z + 1) * plane), z * plane);
    }
    if (!any) continue;
    // Dice over the slices this rater labeled only (others are zero in both maps).
    let d = 0;
    for (let k = 1; k < C; k++) d += dice(got, ref, { label: k });
    raterDice[r]!.push(d / (C - 1));
  }
}
const raterMeans = raterDice.map((d) => d.reduce((s, x) => s + x, 0) / d.length);
const best = raterMeans.indexOf(Math.max(...raterMeans));

const ablations: [string, Partial<Record<PriorStep, boolean>>][] = [
  ["+ all priors", Object.fromEntries(PRIOR_STEPS.map((s) => [s, true]))],
  ...PRIOR_STEPS.map(
    (s) => [`+ ${s} only`, { [s]: true }] as [string, Partial<Record<PriorStep, boolean>>],
  ),
];

for (const v of volumes) {
  const plane = v.width * v.height;
  const n = plane * v.depth;
  const shape = { width: v.width, height: v.height, depth: v.depth };
  // Calibration is scored where anyone (a rater or the reference) saw heart, not on the empty field.
  const mask = new Uint8Array(n);
  for (let z = 0; z < v.depth; z++) {
    const s = slices[v.firstSlice + z]!;
    for (let i = 0; i < plane; i++) {
      const j = z * plane + i;
      if (v.reference[j]) mask[j] = 1;
      for (const m of s.labels) if (m[i]) mask[j] = 1;
    }
  }
  // best single rater, on the slices it labeled (it is absent from some slices by design)
  const bestMap = new Uint8Array(n);
  const bestRef = new Uint8Array(n);
  for (let z = 0; z < v.depth; z++) {
    const s = slices[v.firstSlice + z]!;
    const j = s.raters.indexOf(best);
    if (j < 0) continue;
    bestMap.set(s.labels[j]!, z * plane);
    bestRef.set(v.reference.subarray(z * plane, (z + 1) * plane), z * plane);
  }
  record(
    `best single rater (${CROWD[best]} #${best + 1}, its slices only)`,
    { ...v, reference: bestRef },
    bestMap,
  );
  const mv = stack(v, (s) => majorityVote(slices[s]!.labels, { numClasses: C }).labels, 1);
  const mvSoft = stack(
    v,
    (s) => majorityVote(slices[s]!.labels, { numClasses: C }).probabilities,
    C,
  );
  record("majority vote (rater mean)", v, mv, mvSoft, mask);
  const st = stack(v, (s) => staple.slices[s]!.probabilities, C);
  record(
    "STAPLE, study-wide",
    v,
    stack(v, (s) => staple.slices[s]!.labels, 1),
    st,
    mask,
  );
  const w = stack(v, (s) => weighted.slices[s]!.probabilities, C);
  record(
    "reliability-weighted soft label",
    v,
    stack(v, (s) => weighted.slices[s]!.labels, 1),
    w,
    mask,
  );
  for (const [label, enabled] of ablations) {
    const out = applyAnatomicalPriors(w, shape, {
      numClasses: C,
      enabled,
      singleComponent: { classes: [1, 2, 3] },
    });
    record(`reliability-weighted ${label}`, v, out.labels, out.probabilities, mask);
  }
}

const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
console.log(
  `ACDC test split: ${volumes.length} volumes, ${slices.length} slices; crowd ${CROWD.map((k, r) => `#${r + 1} ${k}`).join(", ")}; ${PER_SLICE} raters per slice`,
);
console.log(
  `study-wide STAPLE: ${tStaple.toFixed(0)} ms, ${staple.fit.iterations} iterations, converged=${staple.fit.converged}`,
);
console.log(
  `rater reliability (chance-corrected balanced accuracy): ${CROWD.map((k, r) => `${k} ${reliability.reliability[r]!.toFixed(3)}`).join(", ")}`,
);
console.log(
  `rater mean Dice (over RV, Myo, LV): ${CROWD.map((k, r) => `${k} ${raterMeans[r]!.toFixed(3)}`).join(", ")}`,
);
console.log(`\n| method | Dice ${CLASS_NAMES.join(" | Dice ")} | mean Dice | Brier | ECE |`);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const [method, a] of results) {
  const per = a.dice.map(mean);
  console.log(
    `| ${method} | ${per.map((d) => d.toFixed(4)).join(" | ")} | ${mean(per).toFixed(4)} | ${a.brier.length ? mean(a.brier).toFixed(4) : "–"} | ${a.ece.length ? mean(a.ece).toFixed(4) : "–"} |`,
  );
}
