/**
 * `pnpm tsx fusion/bench/bu-bil.ts`: Dice to the expert reference on BU-BIL sets 4 and 5
 * for the best single worker, majority vote, STAPLE and the reliability-weighted soft label,
 * plus the soft labels' calibration.
 */

import { evaluateBuBil, formatTable } from "./evaluate-bu-bil.ts";
import { loadBuBil } from "./load-bu-bil.ts";

for (const set of [4, 5] as const) {
  const t0 = performance.now();
  const data = loadBuBil(set);
  const rows = evaluateBuBil(data);
  console.log(
    `\nBU-BIL set ${set}: ${data.images.length} images, ${data.study.numRaters} workers ` +
      `(mean Dice over images, full field; calibration over the crop workers saw) ` +
      `[${((performance.now() - t0) / 1000).toFixed(1)} s]`,
  );
  console.log(formatTable(rows));
}
