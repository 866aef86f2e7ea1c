import type { LabelMap } from "./label-map.ts";
import type { PixelRect } from "./pixel-rect.ts";

/**
 * Gives `cls` to the 4-connected region of equal class around (x, y) and returns its bounds,
 * or null when there is nothing to change (outside the image, or already that class).
 *
 * 4-connected on purpose: a one-pixel diagonal brush line must hold a fill in, as raters draw
 * an outline and fill its inside.
 */
export function floodFill(map: LabelMap, x: number, y: number, cls: number): PixelRect | null {
  const { width, height, data } = map;
  const px = Math.floor(x);
  const py = Math.floor(y);
  if (px < 0 || py < 0 || px >= width || py >= height) return null;
  const target = data[py * width + px]!;
  if (target === cls) return null;
  const bounds = { x0: px, y0: py, x1: px + 1, y1: py + 1 };
  // scanline fill: each stack entry is a pixel; its whole run on the row is filled at once
  const stack: number[] = [px, py];
  while (stack.length > 0) {
    const sy = stack.pop()!;
    const sx = stack.pop()!;
    const row = sy * width;
    if (data[row + sx] !== target) continue;
    let left = sx;
    while (left > 0 && data[row + left - 1] === target) left--;
    let right = sx;
    while (right < width - 1 && data[row + right + 1] === target) right++;
    data.fill(cls, row + left, row + right + 1);
    bounds.x0 = Math.min(bounds.x0, left);
    bounds.x1 = Math.max(bounds.x1, right + 1);
    bounds.y0 = Math.min(bounds.y0, sy);
    bounds.y1 = Math.max(bounds.y1, sy + 1);
    for (const ny of [sy - 1, sy + 1]) {
      if (ny < 0 || ny >= height) continue;
      const nrow = ny * width;
      // one seed per run of target pixels in the neighbouring row
      let inRun = false;
      for (let nx = left; nx <= right; nx++) {
        const matches = data[nrow + nx] === target;
        if (matches && !inRun) stack.push(nx, ny);
        inRun = matches;
      }
    }
  }
  return bounds;
}
