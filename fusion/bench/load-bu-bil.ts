/**
 * Reads one BU-BIL set (Gurari et al., WACV 2015) from ../shared/data/bu-bil as a fusion study:
 * each image is a slice rated by the 7 worker folders (folder W is treated as rater W), in the
 * crop frame the workers saw; the expert reference stays full-field with the crop's placement,
 * so metrics can be taken in the full field. Masks are black (0) = cell; here cell = 1.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeLabelPng } from "@crowdseg/imaging";
import type { StudyRatings } from "../src/index.ts";

export const BU_BIL_ROOT = new URL("../../../shared/data/bu-bil/", import.meta.url).pathname;

export interface BuBilImage {
  id: string;
  crop: { x: number; y: number; width: number; height: number };
  full: { width: number; height: number };
  /** Expert reference cut to the crop frame, 1 = cell. */
  reference: Uint8Array;
  /** Reference cell pixels outside the crop: misses no worker could have avoided, kept in Dice. */
  referenceOutside: number;
}

export interface BuBilSet {
  study: StudyRatings;
  images: BuBilImage[];
}

interface AlignEntry {
  image: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const WORKERS = 7;

function cellMask(bytes: Uint8Array): { width: number; height: number; mask: Uint8Array } {
  const png = decodeLabelPng(bytes);
  return {
    width: png.width,
    height: png.height,
    mask: Uint8Array.from(png.labels, (v) => (v === 0 ? 1 : 0)),
  };
}

export function loadBuBil(set: 4 | 5, options: { root?: string; limit?: number } = {}): BuBilSet {
  const root = options.root ?? BU_BIL_ROOT;
  const align = JSON.parse(
    readFileSync(join(root, `align_BU-BIL_Dataset${set}.json`), "utf8"),
  ).slice(0, options.limit) as AlignEntry[];
  const dir = join(root, `BU-BIL_Dataset${set}`);
  const images: BuBilImage[] = [];
  const slices: { raters: number[]; labels: Uint8Array[] }[] = [];
  for (const entry of align) {
    const id = entry.image.replace(/\.png$/, "");
    const gold = cellMask(readFileSync(join(dir, "GoldStandard", `seg_${id}.png`)));
    const raters: number[] = [];
    const labels: Uint8Array[] = [];
    for (let w = 0; w < WORKERS; w++) {
      const file = join(
        dir,
        "CrowdsourcedAnnotations",
        `mturk_annotation${set}-${w + 1}`,
        `seg_${id}.png`,
      );
      let worker: ReturnType<typeof cellMask>;
      try {
        worker = cellMask(readFileSync(file));
      } catch {
        continue; // a missing or unreadable mask is a missing rating, not an empty one
      }
      if (worker.width !== entry.width || worker.height !== entry.height) {
        throw new Error(
          `${file}: ${worker.width}×${worker.height}, crop is ${entry.width}×${entry.height}`,
        );
      }
      raters.push(w);
      labels.push(worker.mask);
    }
    const crop = { x: entry.x, y: entry.y, width: entry.width, height: entry.height };
    const reference = cut(gold.mask, gold.width, crop);
    let outside = 0;
    for (const v of gold.mask) outside += v;
    for (const v of reference) outside -= v;
    images.push({
      id,
      crop,
      full: { width: gold.width, height: gold.height },
      reference,
      referenceOutside: outside,
    });
    slices.push({ raters, labels });
  }
  return { study: { numClasses: 2, numRaters: WORKERS, slices }, images };
}

function cut(
  full: Uint8Array,
  fullWidth: number,
  crop: { x: number; y: number; width: number; height: number },
): Uint8Array {
  const out = new Uint8Array(crop.width * crop.height);
  for (let row = 0; row < crop.height; row++) {
    const start = (crop.y + row) * fullWidth + crop.x;
    out.set(full.subarray(start, start + crop.width), row * crop.width);
  }
  return out;
}

/**
 * Dice in the full field of a crop-frame mask (0 outside the crop, where nobody marked),
 * computed in the crop with the reference's outside pixels counted as misses.
 */
export function fullFieldDice(image: BuBilImage, mask: Uint8Array): number {
  let a = 0;
  let b = image.referenceOutside;
  let both = 0;
  for (let i = 0; i < mask.length; i++) {
    const x = mask[i]!;
    const y = image.reference[i]!;
    a += x;
    b += y;
    both += x & y;
  }
  return a + b === 0 ? 1 : (2 * both) / (a + b);
}
