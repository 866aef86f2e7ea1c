/**
 * How much the raters of one slice agree: the mean, over all pairs of raters, of their Dice
 * averaged over the foreground classes either of the pair used. A class neither marked says
 * nothing about agreement on it, so it is left out rather than counted as a perfect match.
 * Null with fewer than two raters, or when no pair marked any foreground at all.
 */
export function meanPairwiseDice(maps: readonly Uint8Array[], numClasses: number): number | null {
  if (maps.length < 2) return null;
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < maps.length; a++) {
    for (let b = a + 1; b < maps.length; b++) {
      const dice = pairDice(maps[a]!, maps[b]!, numClasses);
      if (dice !== null) {
        sum += dice;
        pairs += 1;
      }
    }
  }
  return pairs === 0 ? null : sum / pairs;
}

function pairDice(a: Uint8Array, b: Uint8Array, numClasses: number): number | null {
  const inA = new Float64Array(numClasses);
  const inB = new Float64Array(numClasses);
  const both = new Float64Array(numClasses);
  for (let i = 0; i < a.length; i++) {
    const ca = a[i]!;
    const cb = b[i]!;
    inA[ca]! += 1;
    inB[cb]! += 1;
    if (ca === cb) both[ca]! += 1;
  }
  let sum = 0;
  let classes = 0;
  for (let c = 1; c < numClasses; c++) {
    const total = inA[c]! + inB[c]!;
    if (total === 0) continue;
    sum += (2 * both[c]!) / total;
    classes += 1;
  }
  return classes === 0 ? null : sum / classes;
}
