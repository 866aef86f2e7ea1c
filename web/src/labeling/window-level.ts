/**
 * Display window over 8-bit gray: `level` is the gray value shown mid-gray, `width` the range of
 * gray values spread over black..white. The server already windows slices to 8 bits; this lets
 * a rater stretch contrast further, e.g. to see a faint myocardium edge.
 */
export interface WindowLevel {
  level: number;
  width: number;
}

export const FULL_WINDOW: WindowLevel = { level: 127.5, width: 255 };

/** A 256-entry table from stored gray to displayed gray. */
export function windowLevelTable({ level, width }: WindowLevel): Uint8Array {
  const table = new Uint8Array(256);
  const span = Math.max(1, width);
  const low = level - span / 2;
  for (let v = 0; v < 256; v++) {
    const t = (v - low) / span;
    table[v] = Math.round(Math.min(1, Math.max(0, t)) * 255);
  }
  return table;
}

/** Writes `gray` through `table` into opaque RGBA pixels (e.g. an ImageData's data). */
export function grayToRgba(gray: Uint8Array, table: Uint8Array, rgba: Uint8ClampedArray): void {
  for (let i = 0, j = 0; i < gray.length; i++, j += 4) {
    const v = table[gray[i]!]!;
    rgba[j] = v;
    rgba[j + 1] = v;
    rgba[j + 2] = v;
    rgba[j + 3] = 255;
  }
}
