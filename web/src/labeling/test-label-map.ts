import type { LabelMap } from "./label-map.ts";

/** Draws a map as rows of digits, so a test's expected mask reads like the picture it is. */
export function renderRows(map: LabelMap): string[] {
  const rows: string[] = [];
  for (let y = 0; y < map.height; y++) {
    rows.push(Array.from(map.data.subarray(y * map.width, (y + 1) * map.width)).join(""));
  }
  return rows;
}

export function mapFromRows(rows: string[]): LabelMap {
  const width = rows[0]!.length;
  const data = new Uint8Array(width * rows.length);
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) data[y * width + x] = Number(row[x]);
  });
  return { width, height: rows.length, data };
}
