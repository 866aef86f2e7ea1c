import type { Locator } from "playwright-core";

export interface CanvasPixels {
  width: number;
  height: number;
  /** RGBA, row by row, as getImageData returns them */
  rgba: number[];
}

/** What a canvas on the page holds, read back at its own resolution (not as the screen scales it). */
export function readCanvasPixels(canvas: Locator): Promise<CanvasPixels> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    return { width: c.width, height: c.height, rgba: Array.from(data) };
  });
}

/** The pixel at (x, y) as [r, g, b, a]. */
export function pixelAt(pixels: CanvasPixels, x: number, y: number): number[] {
  const i = (y * pixels.width + x) * 4;
  return pixels.rgba.slice(i, i + 4);
}
