import type { StudyRatings } from "./study-ratings.ts";

/**
 * Slices rated by the same set of raters, compressed into the distinct rating patterns that
 * occur (a pattern is the tuple of labels the k raters gave one voxel) and how often each occurs.
 * With a spatially constant prior, STAPLE's posterior depends on a voxel only through its pattern,
 * so EM over patterns is exactly EM over voxels at a fraction of the cost; consensus voxels
 * collapse into C patterns.
 */
export interface PatternGroup {
  /** Global rater indices, ascending; pattern labels are in this order. */
  raters: Int32Array;
  /** numPatterns × raters.length labels, row-major. */
  patterns: Uint8Array;
  /** Voxels per pattern; float64 so counts past 2^24 keep growing. */
  counts: Float64Array;
}

export interface RatingPatterns {
  groups: PatternGroup[];
  /** Group of each slice, or -1 for a slice nobody rated. */
  sliceGroup: Int32Array;
  /** Per slice, the pattern index (within its group) of every voxel. */
  voxelPattern: Uint32Array[];
}

// Dense lookup tables up to 2^20 entries (4 MiB) beat a Map by an order of magnitude.
const DENSE_LIMIT = 1 << 20;

export function buildRatingPatterns(study: StudyRatings, sizes: readonly number[]): RatingPatterns {
  const c = study.numClasses;
  const groupIndex = new Map<string, number>();
  const groupSlices: number[][] = [];
  const groupRaters: Int32Array[] = [];
  const sliceGroup = new Int32Array(study.slices.length).fill(-1);
  for (let s = 0; s < study.slices.length; s++) {
    const raters = study.slices[s]!.raters;
    if (raters.length === 0) continue;
    const sorted = Int32Array.from(raters).sort();
    const key = sorted.join(",");
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groupSlices.length;
      groupIndex.set(key, g);
      groupSlices.push([]);
      groupRaters.push(sorted);
    }
    groupSlices[g]!.push(s);
    sliceGroup[s] = g;
  }

  const voxelPattern: Uint32Array[] = sizes.map((n) => new Uint32Array(n));
  const groups: PatternGroup[] = [];
  for (let g = 0; g < groupSlices.length; g++) {
    const raters = groupRaters[g]!;
    const slices = groupSlices[g]!;
    const ordered = slices.map((s) => mapsInRaterOrder(study.slices[s]!, raters));
    const keySpace = c ** raters.length;
    groups.push(
      keySpace <= DENSE_LIMIT
        ? denseGroup(raters, ordered, slices, voxelPattern, c, keySpace)
        : sparseGroup(raters, ordered, slices, voxelPattern, c),
    );
  }
  return { groups, sliceGroup, voxelPattern };
}

function mapsInRaterOrder(
  slice: { raters: readonly number[]; labels: readonly Uint8Array[] },
  raters: Int32Array,
): Uint8Array[] {
  return Array.from(raters, (r) => slice.labels[slice.raters.indexOf(r)]!);
}

function denseGroup(
  raters: Int32Array,
  ordered: Uint8Array[][],
  slices: number[],
  voxelPattern: Uint32Array[],
  c: number,
  keySpace: number,
): PatternGroup {
  const k = raters.length;
  const histogram = new Float64Array(keySpace);
  for (let j = 0; j < slices.length; j++) {
    const keys = voxelPattern[slices[j]!]!;
    const maps = ordered[j]!;
    // Rater-outer loops stream each label map once instead of striding across k maps per voxel.
    for (let r = 0; r < k; r++) {
      const map = maps[r]!;
      for (let i = 0; i < keys.length; i++) keys[i] = keys[i]! * c + map[i]!;
    }
    for (let i = 0; i < keys.length; i++) histogram[keys[i]!]!++;
  }
  const index = new Uint32Array(keySpace);
  let numPatterns = 0;
  for (let key = 0; key < keySpace; key++) if (histogram[key]! > 0) index[key] = numPatterns++;
  const patterns = new Uint8Array(numPatterns * k);
  const counts = new Float64Array(numPatterns);
  for (let key = 0; key < keySpace; key++) {
    const count = histogram[key]!;
    if (count === 0) continue;
    const p = index[key]!;
    counts[p] = count;
    let rest = key;
    for (let r = k - 1; r >= 0; r--) {
      patterns[p * k + r] = rest % c;
      rest = Math.floor(rest / c);
    }
  }
  for (const s of slices) {
    const keys = voxelPattern[s]!;
    for (let i = 0; i < keys.length; i++) keys[i] = index[keys[i]!]!;
  }
  return { raters, patterns, counts };
}

function sparseGroup(
  raters: Int32Array,
  ordered: Uint8Array[][],
  slices: number[],
  voxelPattern: Uint32Array[],
  c: number,
): PatternGroup {
  const k = raters.length;
  // Keys exact only below 2^53; beyond that, string keys keep patterns distinct.
  const exact = c ** k <= Number.MAX_SAFE_INTEGER;
  const index = new Map<number | string, number>();
  const rows: number[] = [];
  const countList: number[] = [];
  for (let j = 0; j < slices.length; j++) {
    const out = voxelPattern[slices[j]!]!;
    const maps = ordered[j]!;
    for (let i = 0; i < out.length; i++) {
      let key: number | string = 0;
      if (exact) {
        let kk = 0;
        for (let r = 0; r < k; r++) kk = kk * c + maps[r]![i]!;
        key = kk;
      } else {
        let ks = "";
        for (let r = 0; r < k; r++) ks += String.fromCharCode(maps[r]![i]!);
        key = ks;
      }
      let p = index.get(key);
      if (p === undefined) {
        p = countList.length;
        index.set(key, p);
        countList.push(0);
        for (let r = 0; r < k; r++) rows.push(maps[r]![i]!);
      }
      countList[p]!++;
      out[i] = p;
    }
  }
  return { raters, patterns: Uint8Array.from(rows), counts: Float64Array.from(countList) };
}
