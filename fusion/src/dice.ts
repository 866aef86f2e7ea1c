import { FusionError } from "./fusion-error.ts";

/**
 * Dice overlap of class `label` (default 1) between two label maps. Two maps that both lack the
 * class agree perfectly, so that case is 1, not 0/0.
 */
export function dice(a: Uint8Array, b: Uint8Array, options: { label?: number } = {}): number {
  const { inA, inB, both } = overlapCounts(a, b, options.label ?? 1);
  return inA + inB === 0 ? 1 : (2 * both) / (inA + inB);
}

export function overlapCounts(
  a: Uint8Array,
  b: Uint8Array,
  label: number,
): { inA: number; inB: number; both: number } {
  if (a.length !== b.length) {
    throw new FusionError("SIZE_MISMATCH", `label maps of ${a.length} and ${b.length} voxels`);
  }
  let inA = 0;
  let inB = 0;
  let both = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] === label;
    const y = b[i] === label;
    if (x) inA++;
    if (y) inB++;
    if (x && y) both++;
  }
  return { inA, inB, both };
}
