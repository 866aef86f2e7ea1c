import type { ImagePoint } from "./brush-stroke.ts";

/** Where the image sits on screen: screen = image × scale + offset (CSS pixels). */
export interface Viewport {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 64;

/** The largest whole-image view that fits, centred; a little margin keeps edges paintable. */
export function fitViewport(
  imageWidth: number,
  imageHeight: number,
  viewWidth: number,
  viewHeight: number,
): Viewport {
  const margin = 0.96;
  const scale = clampScale(Math.min(viewWidth / imageWidth, viewHeight / imageHeight) * margin);
  return {
    scale,
    offsetX: (viewWidth - imageWidth * scale) / 2,
    offsetY: (viewHeight - imageHeight * scale) / 2,
  };
}

/** Zooms by `factor` keeping the image point under (screenX, screenY) where it is. */
export function zoomAround(
  viewport: Viewport,
  factor: number,
  screenX: number,
  screenY: number,
): Viewport {
  const scale = clampScale(viewport.scale * factor);
  const anchor = screenToImage(viewport, screenX, screenY);
  return { scale, offsetX: screenX - anchor.x * scale, offsetY: screenY - anchor.y * scale };
}

export function panBy(viewport: Viewport, dx: number, dy: number): Viewport {
  return { ...viewport, offsetX: viewport.offsetX + dx, offsetY: viewport.offsetY + dy };
}

export function screenToImage(viewport: Viewport, screenX: number, screenY: number): ImagePoint {
  return {
    x: (screenX - viewport.offsetX) / viewport.scale,
    y: (screenY - viewport.offsetY) / viewport.scale,
  };
}

export function imageToScreen(viewport: Viewport, point: ImagePoint): { x: number; y: number } {
  return {
    x: point.x * viewport.scale + viewport.offsetX,
    y: point.y * viewport.scale + viewport.offsetY,
  };
}

function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}
