import type { RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { ImagePoint } from "../labeling/brush-stroke.ts";
import type { LabelEditor } from "../labeling/label-editor.ts";
import {
  fitViewport,
  panBy,
  screenToImage,
  type Viewport,
  zoomAround,
} from "../labeling/viewport.ts";
import type { WindowLevel } from "../labeling/window-level.ts";
import type { GrayImage } from "./gray-image.ts";
import { SliceRenderer } from "./slice-renderer.ts";

/** What the page can ask of the view from its keyboard shortcuts and buttons. */
export interface CanvasController {
  zoom(factor: number): void;
  fit(): void;
}

interface LabelCanvasProps {
  editor: LabelEditor;
  image: GrayImage | null;
  palette: Uint32Array;
  opacity: number;
  windowLevel: WindowLevel;
  /** right-drag changes the window as in radiology viewers: sideways width, up/down level */
  onWindowLevel: (windowLevel: WindowLevel) => void;
  polygonColor: string;
  controller: RefObject<CanvasController | null>;
  /** after every edit, so the page can refresh undo/redo buttons */
  onEdit: () => void;
}

type Drag =
  | { kind: "tool" }
  | { kind: "pan"; x: number; y: number }
  | { kind: "window"; x: number; y: number; start: WindowLevel };

/** The slice under the rater's pointer: tools on the left button, pan, zoom and window. */
export function LabelCanvas(props: LabelCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const view = useRef({
    renderer: new SliceRenderer(),
    viewport: { scale: 1, offsetX: 0, offsetY: 0 } as Viewport,
    /** follows the canvas size until the rater zooms or pans */
    fitted: true,
    hover: null as ImagePoint | null,
    drag: null as Drag | null,
    spaceHeld: false,
    frame: 0,
  }).current;

  const requestDraw = () => {
    if (view.frame) return;
    view.frame = requestAnimationFrame(() => {
      view.frame = 0;
      const canvas = canvasRef.current;
      if (!canvas) return;
      const { editor, opacity, polygonColor } = latest.current;
      const brush = editor.tool === "brush" || editor.tool === "eraser";
      view.renderer.draw(canvas, view.viewport, {
        opacity,
        hover: view.hover,
        brushSize: brush ? editor.brushSize : null,
        polygon: editor.tool === "polygon" ? editor.polygon : [],
        polygonColor,
      });
    });
  };

  const fit = () => {
    const canvas = canvasRef.current;
    const image = latest.current.image;
    if (!canvas || !image) return;
    view.viewport = fitViewport(image.width, image.height, canvas.clientWidth, canvas.clientHeight);
    view.fitted = true;
    requestDraw();
  };

  props.controller.current = {
    zoom(factor) {
      const canvas = canvasRef.current;
      if (!canvas) return;
      view.viewport = zoomAround(
        view.viewport,
        factor,
        canvas.clientWidth / 2,
        canvas.clientHeight / 2,
      );
      view.fitted = false;
      requestDraw();
    },
    fit,
  };

  useEffect(() => {
    const { image, windowLevel, editor, palette } = props;
    if (!image) return;
    view.renderer.setImage(image, windowLevel);
    view.renderer.updateLabels(editor.map, palette, "all");
    fit();
    // the window is applied by its own effect below; a new image starts from it
  }, [props.image]);

  useEffect(() => {
    view.renderer.setWindowLevel(props.windowLevel);
    requestDraw();
  }, [props.windowLevel]);

  useEffect(() => {
    view.renderer.updateLabels(props.editor.map, props.palette, "all");
    requestDraw();
  }, [props.palette, props.opacity]);

  useEffect(() => {
    const { editor } = props;
    return editor.onChange((change) => {
      view.renderer.updateLabels(editor.map, latest.current.palette, change);
      requestDraw();
      latest.current.onEdit();
    });
  }, [props.editor]);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.round(canvas.clientWidth * dpr));
      canvas.height = Math.max(1, Math.round(canvas.clientHeight * dpr));
      if (view.fitted) fit();
      else requestDraw();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    // wheel must be non-passive to keep the page from scrolling while zooming
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002));
      view.viewport = zoomAround(view.viewport, factor, event.offsetX, event.offsetY);
      view.fitted = false;
      requestDraw();
    };
    canvas.addEventListener("wheel", onWheel, { passive: false });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === " ") view.spaceHeld = event.type === "keydown";
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("keyup", onKey);
    return () => {
      observer.disconnect();
      canvas.removeEventListener("wheel", onWheel);
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("keyup", onKey);
      cancelAnimationFrame(view.frame);
    };
  }, []);

  // from client coordinates: coalesced samples carry no reliable offsetX
  const toImage = (event: PointerEvent, box: DOMRect): ImagePoint =>
    screenToImage(view.viewport, event.clientX - box.left, event.clientY - box.top);

  const onPointerDown = (event: PointerEvent) => {
    const canvas = canvasRef.current!;
    canvas.focus();
    const { editor, windowLevel } = latest.current;
    if (event.button === 1 || (event.button === 0 && view.spaceHeld)) {
      view.drag = { kind: "pan", x: event.clientX, y: event.clientY };
    } else if (event.button === 2) {
      view.drag = { kind: "window", x: event.clientX, y: event.clientY, start: windowLevel };
    } else if (event.button === 0) {
      view.drag = { kind: "tool" };
      // a click within 8 screen pixels of the first vertex closes a polygon, at any zoom
      editor.pointerDown(toImage(event, canvas.getBoundingClientRect()), 8 / view.viewport.scale);
    } else {
      return;
    }
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
  };

  const onPointerMove = (event: PointerEvent) => {
    const { editor, onWindowLevel } = latest.current;
    const box = canvasRef.current!.getBoundingClientRect();
    view.hover = toImage(event, box);
    const drag = view.drag;
    if (drag?.kind === "tool") {
      // every sample the browser merged into this event, so fast strokes keep their shape
      const samples = event.getCoalescedEvents?.() ?? [];
      for (const sample of samples.length > 0 ? samples : [event])
        editor.pointerMove(toImage(sample, box));
    } else if (drag?.kind === "pan") {
      view.viewport = panBy(view.viewport, event.clientX - drag.x, event.clientY - drag.y);
      view.fitted = false;
      drag.x = event.clientX;
      drag.y = event.clientY;
    } else if (drag?.kind === "window") {
      onWindowLevel({
        width: Math.min(512, Math.max(1, drag.start.width + (event.clientX - drag.x))),
        level: Math.min(255, Math.max(0, drag.start.level - (event.clientY - drag.y))),
      });
    }
    requestDraw();
  };

  const endDrag = () => {
    if (view.drag?.kind === "tool") latest.current.editor.pointerUp();
    view.drag = null;
  };

  return (
    <canvas
      ref={canvasRef}
      class="label-canvas"
      tabIndex={0}
      aria-label="Slice to label. Left button: the selected tool; right-drag: window and level; wheel: zoom; middle button or Space+drag: pan."
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onPointerLeave={() => {
        view.hover = null;
        requestDraw();
      }}
      onDblClick={() => latest.current.editor.closePolygon()}
      onContextMenu={(event) => event.preventDefault()}
      style={{ cursor: "crosshair" }}
    />
  );
}
