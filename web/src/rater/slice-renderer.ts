import type { ImagePoint } from "../labeling/brush-stroke.ts";
import type { LabelChange } from "../labeling/label-editor.ts";
import type { LabelMap } from "../labeling/label-map.ts";
import { writeOverlayPixels } from "../labeling/label-overlay-pixels.ts";
import { imageToScreen, type Viewport } from "../labeling/viewport.ts";
import { grayToRgba, type WindowLevel, windowLevelTable } from "../labeling/window-level.ts";
import type { GrayImage } from "./gray-image.ts";

export interface SliceOverlay {
  opacity: number;
  /** the pointer, in image coordinates, for the brush outline; null when it is elsewhere */
  hover: ImagePoint | null;
  brushSize: number | null;
  polygon: readonly ImagePoint[];
  polygonColor: string;
}

/**
 * Draws a slice and its labels onto a visible canvas. The image and the labels each live in a
 * canvas at the slice's own resolution; a frame is two scaled drawImage calls, and a brush
 * stroke re-colours only the pixels it touched, so painting costs the same at any zoom.
 */
export class SliceRenderer {
  readonly #image = document.createElement("canvas");
  readonly #labels = document.createElement("canvas");
  #labelPixels: ImageData | null = null;
  #labelWords: Uint32Array | null = null;
  #gray: GrayImage | null = null;

  setImage(image: GrayImage, windowLevel: WindowLevel): void {
    this.#gray = image;
    this.#image.width = image.width;
    this.#image.height = image.height;
    this.#labels.width = image.width;
    this.#labels.height = image.height;
    this.#labelPixels = new ImageData(image.width, image.height);
    this.#labelWords = new Uint32Array(this.#labelPixels.data.buffer);
    this.setWindowLevel(windowLevel);
  }

  setWindowLevel(windowLevel: WindowLevel): void {
    const image = this.#gray;
    if (!image) return;
    const pixels = new ImageData(image.width, image.height);
    grayToRgba(image.gray, windowLevelTable(windowLevel), pixels.data);
    this.#image.getContext("2d")!.putImageData(pixels, 0, 0);
  }

  /** Re-colours what `change` names; "polygon" needs no pixel work, only a new frame. */
  updateLabels(map: LabelMap, palette: Uint32Array, change: LabelChange): void {
    const pixels = this.#labelPixels;
    const words = this.#labelWords;
    if (!pixels || !words || change === "polygon") return;
    if (map.width !== pixels.width || map.height !== pixels.height) return;
    const rect = change === "all" ? { x0: 0, y0: 0, x1: map.width, y1: map.height } : change;
    writeOverlayPixels(map, palette, words, rect);
    this.#labels
      .getContext("2d")!
      .putImageData(pixels, 0, 0, rect.x0, rect.y0, rect.x1 - rect.x0, rect.y1 - rect.y0);
  }

  draw(canvas: HTMLCanvasElement, viewport: Viewport, overlay: SliceOverlay): void {
    const context = canvas.getContext("2d")!;
    const dpr = canvas.width / Math.max(1, canvas.clientWidth);
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = "#0b0d10";
    context.fillRect(0, 0, canvas.width, canvas.height);
    if (!this.#gray) return;
    const { scale, offsetX, offsetY } = viewport;
    context.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * offsetX, dpr * offsetY);
    // pixels stay pixels when zoomed: a rater must see exactly which pixels are labeled
    context.imageSmoothingEnabled = false;
    context.drawImage(this.#image, 0, 0);
    context.globalAlpha = overlay.opacity;
    context.drawImage(this.#labels, 0, 0);
    context.globalAlpha = 1;
    context.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.#drawPolygon(context, viewport, overlay);
    this.#drawBrushOutline(context, viewport, overlay);
  }

  #drawPolygon(context: CanvasRenderingContext2D, viewport: Viewport, overlay: SliceOverlay) {
    const { polygon, hover } = overlay;
    if (polygon.length === 0) return;
    context.beginPath();
    for (const [i, vertex] of polygon.entries()) {
      const p = imageToScreen(viewport, vertex);
      if (i === 0) context.moveTo(p.x, p.y);
      else context.lineTo(p.x, p.y);
    }
    if (hover) {
      const p = imageToScreen(viewport, hover);
      context.lineTo(p.x, p.y);
    }
    context.strokeStyle = overlay.polygonColor;
    context.lineWidth = 2;
    context.stroke();
    const first = imageToScreen(viewport, polygon[0]!);
    context.beginPath();
    context.arc(first.x, first.y, 5, 0, Math.PI * 2);
    context.fillStyle = overlay.polygonColor;
    context.fill();
  }

  #drawBrushOutline(context: CanvasRenderingContext2D, viewport: Viewport, overlay: SliceOverlay) {
    if (!overlay.hover || overlay.brushSize === null) return;
    const p = imageToScreen(viewport, overlay.hover);
    context.beginPath();
    context.arc(p.x, p.y, Math.max(2, (overlay.brushSize / 2) * viewport.scale), 0, Math.PI * 2);
    context.strokeStyle = "rgba(255,255,255,0.85)";
    context.lineWidth = 1;
    context.stroke();
  }
}
