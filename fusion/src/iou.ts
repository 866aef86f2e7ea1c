import { overlapCounts } from "./dice.ts";

/** Intersection over union (Jaccard) of class `label`; 1 when neither map has the class. */
export function iou(a: Uint8Array, b: Uint8Array, options: { label?: number } = {}): number {
  const { inA, inB, both } = overlapCounts(a, b, options.label ?? 1);
  const union = inA + inB - both;
  return union === 0 ? 1 : both / union;
}
