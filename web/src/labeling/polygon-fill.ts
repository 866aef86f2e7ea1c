import type { ImagePoint } from "./brush-stroke.ts";
import type { LabelMap } from "./label-map.ts";
import { clipRect, type PixelRect } from "./pixel-rect.ts";

/**
 * Gives `cls` to every pixel whose centre lies inside the polygon (even–odd rule), and returns
 * the pixels it may have changed; null for fewer than three vertices or a polygon off the image.
 *
 * Pixel centres on a left edge are inside and on a right edge outside (half-open spans), so two
 * polygons sharing an edge cover each pixel along it exactly once.
 */
export function fillPolygon(
  map: LabelMap,
  vertices: readonly ImagePoint[],
  cls: number,
): PixelRect | null {
  if (vertices.length < 3) return null;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  for (const v of vertices) {
    minY = Math.min(minY, v.y);
    maxY = Math.max(maxY, v.y);
    minX = Math.min(minX, v.x);
    maxX = Math.max(maxX, v.x);
  }
  const bounds = clipRect(
    { x0: Math.floor(minX), y0: Math.floor(minY), x1: Math.ceil(maxX), y1: Math.ceil(maxY) },
    map.width,
    map.height,
  );
  if (!bounds) return null;
  const { data, width } = map;
  const crossings: number[] = [];
  for (let y = bounds.y0; y < bounds.y1; y++) {
    const yc = y + 0.5;
    crossings.length = 0;
    for (let i = 0; i < vertices.length; i++) {
      const a = vertices[i]!;
      const b = vertices[(i + 1) % vertices.length]!;
      // half-open in y, so a vertex exactly on the scanline is counted once
      if (a.y <= yc !== b.y <= yc) {
        crossings.push(a.x + ((yc - a.y) / (b.y - a.y)) * (b.x - a.x));
      }
    }
    crossings.sort((p, q) => p - q);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const from = Math.max(bounds.x0, Math.ceil(crossings[k]! - 0.5));
      const to = Math.min(bounds.x1, Math.ceil(crossings[k + 1]! - 0.5));
      if (to > from) data.fill(cls, y * width + from, y * width + to);
    }
  }
  return bounds;
}
