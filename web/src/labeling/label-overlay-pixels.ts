import type { LabelMap } from "./label-map.ts";
import type { PixelRect } from "./pixel-rect.ts";

/**
 * Writes the colours of `rect`'s label pixels into `out` (RGBA words of an ImageData of the
 * whole map, viewed as a Uint32Array). Only the changed block is touched while painting, so a
 * brush stroke costs its own size, not the slice's.
 */
export function writeOverlayPixels(
  map: LabelMap,
  palette: Uint32Array,
  out: Uint32Array,
  rect: PixelRect,
): void {
  const { data, width } = map;
  for (let y = rect.y0; y < rect.y1; y++) {
    const row = y * width;
    for (let i = row + rect.x0, end = row + rect.x1; i < end; i++) {
      out[i] = palette[data[i]!]!;
    }
  }
}
