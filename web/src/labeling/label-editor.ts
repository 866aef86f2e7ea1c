import { type ImagePoint, paintBrushSegment, stampBrush } from "./brush-stroke.ts";
import { floodFill } from "./flood-fill.ts";
import type { LabelMap } from "./label-map.ts";
import type { LabelingTool } from "./labeling-tool.ts";
import type { PixelRect } from "./pixel-rect.ts";
import { fillPolygon } from "./polygon-fill.ts";
import { UndoStack } from "./undo-stack.ts";

export const MIN_BRUSH_SIZE = 1;
export const MAX_BRUSH_SIZE = 64;

/**
 * What changed: a block of pixels; "all" after undo, redo or a reset; or "polygon" when only
 * the outline being drawn did (no pixel yet).
 */
export type LabelChange = PixelRect | "all" | "polygon";

/**
 * The labeling page's editing state without any DOM: the label map, the tool, class and brush
 * size, the polygon being drawn, and undo/redo. The canvas forwards pointer positions in image
 * coordinates and redraws what `onChange` reports.
 */
export class LabelEditor {
  tool: LabelingTool = "brush";
  activeClass = 1;
  #brushSize = 8;
  #map: LabelMap;
  readonly #history = new UndoStack<Uint8Array>();
  #stroke: { last: ImagePoint; cls: number } | null = null;
  #polygon: ImagePoint[] = [];
  readonly #listeners = new Set<(change: LabelChange) => void>();

  constructor(map: LabelMap) {
    this.#map = map;
  }

  get map(): LabelMap {
    return this.#map;
  }

  get brushSize(): number {
    return this.#brushSize;
  }

  set brushSize(size: number) {
    this.#brushSize = Math.min(MAX_BRUSH_SIZE, Math.max(MIN_BRUSH_SIZE, Math.round(size)));
  }

  /** Vertices placed so far by the polygon tool. */
  get polygon(): readonly ImagePoint[] {
    return this.#polygon;
  }

  get canUndo(): boolean {
    return this.#history.canUndo;
  }

  get canRedo(): boolean {
    return this.#history.canRedo;
  }

  onChange(listener: (change: LabelChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A new slice: its (usually empty) map, with no history and no polygon. */
  reset(map: LabelMap): void {
    this.#map = map;
    this.#history.clear();
    this.#stroke = null;
    this.#polygon = [];
    this.#emit("all");
  }

  /**
   * Pointer pressed at `point`. `closeDistance` is how near (in image pixels) a click must come
   * to the first polygon vertex to close the polygon; it depends on zoom, so the caller says.
   */
  pointerDown(point: ImagePoint, closeDistance = 1): void {
    switch (this.tool) {
      case "brush":
      case "eraser": {
        const cls = this.tool === "eraser" ? 0 : this.activeClass;
        this.#history.record(this.#map.data.slice());
        this.#stroke = { last: point, cls };
        this.#emitRect(stampBrush(this.#map, point, this.#brushSize, cls));
        return;
      }
      case "fill": {
        const before = this.#map.data.slice();
        const changed = floodFill(this.#map, point.x, point.y, this.activeClass);
        if (changed) {
          this.#history.record(before);
          this.#emit(changed);
        }
        return;
      }
      case "polygon": {
        const first = this.#polygon[0];
        if (
          first &&
          this.#polygon.length >= 3 &&
          Math.hypot(point.x - first.x, point.y - first.y) <= closeDistance
        ) {
          this.closePolygon();
        } else {
          this.#polygon = [...this.#polygon, point];
          this.#emit("polygon");
        }
        return;
      }
    }
  }

  pointerMove(point: ImagePoint): void {
    if (!this.#stroke) return;
    const { last, cls } = this.#stroke;
    this.#stroke.last = point;
    this.#emitRect(paintBrushSegment(this.#map, last, point, this.#brushSize, cls));
  }

  pointerUp(): void {
    this.#stroke = null;
  }

  /** Fills the polygon drawn so far; false when it has fewer than three vertices. */
  closePolygon(): boolean {
    if (this.#polygon.length < 3) return false;
    const before = this.#map.data.slice();
    const changed = fillPolygon(this.#map, this.#polygon, this.activeClass);
    this.#polygon = [];
    if (changed) this.#history.record(before);
    this.#emit(changed ?? "polygon");
    return true;
  }

  cancelPolygon(): void {
    if (this.#polygon.length === 0) return;
    this.#polygon = [];
    this.#emit("polygon");
  }

  undo(): boolean {
    return this.#restore(this.#history.undo(this.#map.data));
  }

  redo(): boolean {
    return this.#restore(this.#history.redo(this.#map.data));
  }

  #restore(data: Uint8Array | undefined): boolean {
    if (!data) return false;
    this.#stroke = null;
    this.#map = { ...this.#map, data };
    this.#emit("all");
    return true;
  }

  #emitRect(rect: PixelRect | null): void {
    if (rect) this.#emit(rect);
  }

  #emit(change: LabelChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}
