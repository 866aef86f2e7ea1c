/** A block of whole pixels, [x0, x1) × [y0, y1): what a tool changed and what must be redrawn. */
export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function unionRect(a: PixelRect | null, b: PixelRect | null): PixelRect | null {
  if (!a) return b;
  if (!b) return a;
  return {
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
  };
}

/** The part of `rect` inside a width × height image, or null when nothing is left. */
export function clipRect(rect: PixelRect, width: number, height: number): PixelRect | null {
  const x0 = Math.max(0, rect.x0);
  const y0 = Math.max(0, rect.y0);
  const x1 = Math.min(width, rect.x1);
  const y1 = Math.min(height, rect.y1);
  return x0 < x1 && y0 < y1 ? { x0, y0, x1, y1 } : null;
}
