import { seededRandom } from "./seeded-random.ts";

/** Truth: concentric discs of classes 1..C-1 on a width×height grid (class 0 outside). */
export function concentricTruth(
  width: number,
  height: number,
  radii: readonly number[],
): Uint8Array {
  const out = new Uint8Array(width * height);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      let cls = 0;
      // radii are given outermost first; each smaller disc overwrites with the next class.
      radii.forEach((r, k) => {
        if (d < r) cls = k + 1;
      });
      out[y * width + x] = cls;
    }
  }
  return out;
}

/**
 * A rater who, independently per voxel of truth class t, answers s with probability
 * confusion[s * C + t]: exactly the generative model STAPLE assumes.
 */
export function confusionRater(
  truth: Uint8Array,
  confusion: readonly number[],
  numClasses: number,
  seed: number,
): Uint8Array {
  const rand = seededRandom(seed);
  const out = new Uint8Array(truth.length);
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    let u = rand();
    let s = 0;
    for (; s < numClasses - 1; s++) {
      u -= confusion[s * numClasses + t]!;
      if (u < 0) break;
    }
    out[i] = s;
  }
  return out;
}

/** Binary rater with known sensitivity and specificity. */
export function binaryRater(
  truth: Uint8Array,
  sensitivity: number,
  specificity: number,
  seed: number,
): Uint8Array {
  return confusionRater(
    truth,
    [specificity, 1 - sensitivity, 1 - specificity, sensitivity],
    2,
    seed,
  );
}
