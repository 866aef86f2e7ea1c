import type { StoredRle } from "@crowdseg/db";
import { dice } from "@crowdseg/fusion";
import { decodeRle } from "@crowdseg/imaging";

/**
 * How well one label map matches the reference: the mean Dice over the foreground classes that
 * appear in either. Classes absent from both are left out, so a slice with only an LV cavity is
 * not rewarded for the RV nobody drew. Null when neither has any foreground.
 */
export function goldDice(
  labels: StoredRle,
  reference: StoredRle,
  numClasses: number,
): number | null {
  const options = { numClasses };
  const mine = decodeRle(labels, options);
  const truth = decodeRle(reference, options);
  const present = new Set<number>();
  for (let i = 0; i < truth.length; i++) {
    if (truth[i] !== 0) present.add(truth[i]!);
    if (mine[i] !== 0) present.add(mine[i]!);
  }
  if (present.size === 0) return null;
  let sum = 0;
  for (const label of present) sum += dice(mine, truth, { label });
  return sum / present.size;
}
