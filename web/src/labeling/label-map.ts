/** One class index per pixel, row-major (x fastest), as the API's RLE label maps describe. */
export interface LabelMap {
  width: number;
  height: number;
  data: Uint8Array;
}

export function emptyLabelMap(width: number, height: number): LabelMap {
  return { width, height, data: new Uint8Array(width * height) };
}
