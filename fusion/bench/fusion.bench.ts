/**
 * `pnpm bench:fusion`: STAPLE on seeded synthetic raters with known error rates.
 * Prints the median wall time of several runs and the estimated vs true rater parameters.
 */
import { stapleBinary, stapleMultiLabel } from "../src/index.ts";
import {
  binaryRater,
  concentricTruth,
  confusionRater,
} from "../src/test-helpers/synthetic-raters.ts";

const RUNS = 7;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function volume(width: number, height: number, depth: number, radii: (z: number) => number[]) {
  const n = width * height;
  const out = new Uint8Array(n * depth);
  for (let z = 0; z < depth; z++) out.set(concentricTruth(width, height, radii(z)), z * n);
  return out;
}

function time(run: () => void): { median: number; all: number[] } {
  run(); // warm-up: JIT and first-touch allocation are not what the target measures
  const all: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    run();
    all.push(performance.now() - t0);
  }
  return { median: median(all), all };
}

const fmt = (v: number) => v.toFixed(3);

// Binary: 10 raters on 256×256×20, a blob whose radius varies along z.
{
  const truth = volume(256, 256, 20, (z) => [40 + 2 * z]);
  const rates = Array.from({ length: 10 }, (_, k) => [0.75 + 0.024 * k, 0.99 - 0.004 * k] as const);
  const masks = rates.map(([se, sp], k) => binaryRater(truth, se, sp, 1000 + k));
  let result = stapleBinary(masks);
  const t = time(() => {
    result = stapleBinary(masks);
  });
  console.log(
    `binary STAPLE, 10 raters × 256×256×20: median ${t.median.toFixed(1)} ms over ${RUNS} runs ` +
      `(${t.all.map((v) => v.toFixed(0)).join(", ")}); ${result.fit.iterations} EM iterations, converged=${result.fit.converged}`,
  );
  console.log("rater  sens(true) sens(est)  spec(true) spec(est)");
  rates.forEach(([se, sp], k) => {
    console.log(
      `${String(k).padStart(5)}  ${fmt(se)}      ${fmt(result.sensitivity[k]!)}      ${fmt(sp)}      ${fmt(result.specificity[k]!)}`,
    );
  });
}

// Multi-label: 7 raters, 4 classes on 256×256×10.
{
  const c = 4;
  const truth = volume(256, 256, 10, (z) => [70 + z, 50 + z, 30 + z]);
  const confusions = Array.from({ length: 7 }, (_, k) => {
    const acc = 0.8 + 0.025 * k;
    const m = new Array<number>(c * c).fill((1 - acc) / (c - 1));
    for (let t = 0; t < c; t++) m[t * c + t] = acc;
    return m;
  });
  const labels = confusions.map((m, k) => confusionRater(truth, m, c, 2000 + k));
  let result = stapleMultiLabel(labels, { numClasses: c });
  const t = time(() => {
    result = stapleMultiLabel(labels, { numClasses: c });
  });
  console.log(
    `\nmulti-label STAPLE, 7 raters × 4 classes × 256×256×10: median ${t.median.toFixed(1)} ms over ${RUNS} runs ` +
      `(${t.all.map((v) => v.toFixed(0)).join(", ")}); ${result.fit.iterations} EM iterations, converged=${result.fit.converged}`,
  );
  console.log("rater  true acc  est per-class sensitivity P(say t | t), t = 0..3");
  confusions.forEach((m, k) => {
    const est = result.fit.confusion[k]!;
    const diag = Array.from({ length: c }, (_, tt) => fmt(est[tt * c + tt]!)).join("  ");
    console.log(`${String(k).padStart(5)}  ${fmt(m[0]!)}     ${diag}`);
  });
}
