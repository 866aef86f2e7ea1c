import { validateLabelMaps } from "./validate-label-maps.ts";

/**
 * Fleiss' kappa over voxels as items and the R label maps as raters. When chance agreement is
 * already perfect (every rating in one class) kappa is 0/0; it is defined as 1 then, since the
 * raters did agree completely.
 */
export function fleissKappa(
  labels: readonly Uint8Array[],
  options: { numClasses: number },
): number {
  const n = validateLabelMaps(labels, options);
  const c = options.numClasses;
  const r = labels.length;
  if (r < 2 || n === 0) return 1;
  const counts = new Uint16Array(c * n);
  for (const map of labels) for (let i = 0; i < n; i++) counts[i * c + map[i]!]!++;
  const classTotals = new Float64Array(c);
  let agreement = 0;
  for (let i = 0; i < n; i++) {
    let sq = 0;
    for (let k = 0; k < c; k++) {
      const v = counts[i * c + k]!;
      sq += v * v;
      classTotals[k] = classTotals[k]! + v;
    }
    agreement += (sq - r) / (r * (r - 1));
  }
  const po = agreement / n;
  let pe = 0;
  for (let k = 0; k < c; k++) {
    const p = classTotals[k]! / (n * r);
    pe += p * p;
  }
  if (pe >= 1) return 1;
  return (po - pe) / (1 - pe);
}
