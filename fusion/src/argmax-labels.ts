import { FusionError } from "./fusion-error.ts";

export interface ArgmaxOptions {
  numClasses: number;
  /**
   * Tie rule: among classes with exactly equal probability, the one listed first here wins.
   * Default: the lowest class index (so background wins a binary 50/50 tie, the conservative
   * choice for a structure's volume).
   */
  tiePriority?: readonly number[];
}

/** Hard label from class-major probabilities (C×N) with an explicit, deterministic tie rule. */
export function argmaxLabels(probabilities: Float32Array, options: ArgmaxOptions): Uint8Array {
  const c = options.numClasses;
  if (!Number.isInteger(c) || c < 2 || c > 256) {
    throw new FusionError("BAD_CLASS_COUNT", `numClasses must be an integer in [2, 256], got ${c}`);
  }
  if (probabilities.length % c !== 0) {
    throw new FusionError(
      "SIZE_MISMATCH",
      `probabilities length ${probabilities.length} is not a multiple of ${c} classes`,
    );
  }
  const order = resolveTiePriority(options.tiePriority, c);
  const n = probabilities.length / c;
  const out = new Uint8Array(n);
  const first = order[0]!;
  for (let i = 0; i < n; i++) {
    let best = first;
    let bestP = probabilities[first * n + i]!;
    for (let k = 1; k < c; k++) {
      const cls = order[k]!;
      const p = probabilities[cls * n + i]!;
      // Strictly greater: on equality the earlier class in the priority order keeps the voxel.
      if (p > bestP) {
        bestP = p;
        best = cls;
      }
    }
    out[i] = best;
  }
  return out;
}

function resolveTiePriority(priority: readonly number[] | undefined, c: number): Uint8Array {
  const order = new Uint8Array(c);
  if (priority === undefined) {
    for (let k = 0; k < c; k++) order[k] = k;
    return order;
  }
  if (priority.length !== c) {
    throw new FusionError("BAD_OPTION", `tiePriority must list all ${c} classes once`);
  }
  const seen = new Uint8Array(c);
  for (let k = 0; k < c; k++) {
    const cls = priority[k]!;
    if (!Number.isInteger(cls) || cls < 0 || cls >= c || seen[cls]) {
      throw new FusionError("BAD_OPTION", `tiePriority must list all ${c} classes once`);
    }
    seen[cls] = 1;
    order[k] = cls;
  }
  return order;
}
