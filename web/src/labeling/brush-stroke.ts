import type { LabelMap } from "./label-map.ts";
import { clipRect, type PixelRect, unionRect } from "./pixel-rect.ts";

export interface ImagePoint {
  x: number;
  y: number;
}

/**
 * Paints a round stamp of `size` pixels across at `point` (continuous image coordinates) and
 * returns the pixels it may have changed.
 *
 * The stamp's centre snaps to a pixel centre for odd sizes and to a pixel corner for even ones,
 * so a stamp always has the same shape wherever the pointer lands: size 1 is exactly one pixel,
 * size 2 a 2×2 block, and so on — what a rater expects from a pixel brush.
 */
export function stampBrush(
  map: LabelMap,
  point: ImagePoint,
  size: number,
  cls: number,
): PixelRect | null {
  const radius = size / 2;
  const odd = size % 2 === 1;
  const cx = odd ? Math.floor(point.x) + 0.5 : Math.round(point.x);
  const cy = odd ? Math.floor(point.y) + 0.5 : Math.round(point.y);
  const bounds = clipRect(
    {
      x0: Math.floor(cx - radius),
      y0: Math.floor(cy - radius),
      x1: Math.ceil(cx + radius),
      y1: Math.ceil(cy + radius),
    },
    map.width,
    map.height,
  );
  if (!bounds) return null;
  const r2 = radius * radius;
  const { data, width } = map;
  for (let y = bounds.y0; y < bounds.y1; y++) {
    const dy = y + 0.5 - cy;
    const dy2 = dy * dy;
    // the row's span inside the circle, found once instead of testing every pixel
    const half = Math.sqrt(Math.max(0, r2 - dy2));
    const from = Math.max(bounds.x0, Math.ceil(cx - half - 0.5));
    const to = Math.min(bounds.x1, Math.floor(cx + half - 0.5) + 1);
    if (to > from && dy2 <= r2) data.fill(cls, y * width + from, y * width + to);
  }
  return bounds;
}

/**
 * Paints stamps along the segment from `from` to `to`, at most one pixel apart, so a fast
 * pointer leaves a continuous line instead of a trail of dots.
 */
export function paintBrushSegment(
  map: LabelMap,
  from: ImagePoint,
  to: ImagePoint,
  size: number,
  cls: number,
): PixelRect | null {
  const steps = Math.max(1, Math.ceil(Math.max(Math.abs(to.x - from.x), Math.abs(to.y - from.y))));
  let dirty: PixelRect | null = null;
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const point = { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
    dirty = unionRect(dirty, stampBrush(map, point, size, cls));
  }
  return dirty;
}
