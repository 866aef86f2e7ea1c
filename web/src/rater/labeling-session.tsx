import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiRequestError } from "../api/api-request-error.ts";
import type { RaterQuality, Task } from "../api/api-types.ts";
import { useSession } from "../api/session-context.ts";
import { classCssColor, classPalette } from "../labeling/class-palette.ts";
import { LabelEditor } from "../labeling/label-editor.ts";
import { emptyLabelMap } from "../labeling/label-map.ts";
import { encodeLabelRle } from "../labeling/label-rle.ts";
import {
  keyIsForShortcuts,
  labelingShortcut,
  SHORTCUT_HELP,
} from "../labeling/labeling-shortcut.ts";
import type { LabelingTool } from "../labeling/labeling-tool.ts";
import { FULL_WINDOW, type WindowLevel } from "../labeling/window-level.ts";
import { ClassLegend } from "./class-legend.tsx";
import { decodeGrayImage, type GrayImage } from "./gray-image.ts";
import { type CanvasController, LabelCanvas } from "./label-canvas.tsx";
import { LabelingToolbar } from "./labeling-toolbar.tsx";
import { QualitySummary } from "./quality-summary.tsx";
import { useLeaseHeartbeat } from "./use-lease-heartbeat.ts";

type Phase =
  | { kind: "loading" }
  | { kind: "labeling"; task: Task; image: GrayImage }
  | { kind: "no-task" }
  | { kind: "lease-ended"; message: string }
  | { kind: "error"; message: string };

/** One study's labeling: lease a slice, paint, submit or skip, and straight on to the next. */
export function LabelingSession({ studyId, studyName }: { studyId: number; studyName: string }) {
  const { api } = useSession();
  const editor = useMemo(() => new LabelEditor(emptyLabelMap(1, 1)), []);
  const controller = useRef<CanvasController | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [quality, setQuality] = useState<RaterQuality | null>(null);
  const [tool, setTool] = useState<LabelingTool>(editor.tool);
  const [activeClass, setActiveClass] = useState(editor.activeClass);
  const [brushSize, setBrushSize] = useState(editor.brushSize);
  const [opacity, setOpacity] = useState(0.5);
  const [windowLevel, setWindowLevel] = useState<WindowLevel>(FULL_WINDOW);
  const [history, setHistory] = useState({ canUndo: false, canRedo: false });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [submitError, setSubmitError] = useState<string | null>(null);
  const startedAt = useRef(0);
  const idempotencyKey = useRef("");

  const task = phase.kind === "labeling" ? phase.task : null;
  const classes = task?.classes ?? [];
  const palette = useMemo(() => classPalette(classes), [task]);

  const refreshQuality = useCallback(async () => {
    try {
      const { quality } = await api.get<{ quality: RaterQuality }>(
        `/api/studies/${studyId}/my-quality`,
      );
      setQuality(quality);
    } catch {
      // the score is a nicety: labeling goes on without it
    }
  }, [api, studyId]);

  const loadNext = useCallback(async () => {
    setPhase({ kind: "loading" });
    setSubmitError(null);
    try {
      const { task } = await api.post<{ task: Task | null }>("/api/tasks/next", { studyId });
      if (!task) {
        setPhase({ kind: "no-task" });
        return;
      }
      const image = await decodeGrayImage(await api.blob(task.imageUrl));
      editor.reset(emptyLabelMap(task.width, task.height));
      const firstClass = task.classes.find((cls) => cls.index > 0)?.index ?? 1;
      if (!task.classes.some((cls) => cls.index === editor.activeClass)) {
        editor.activeClass = firstClass;
        setActiveClass(firstClass);
      }
      startedAt.current = performance.now();
      idempotencyKey.current = crypto.randomUUID();
      setPhase({ kind: "labeling", task, image });
    } catch (error) {
      setPhase({ kind: "error", message: messageOf(error) });
    }
  }, [api, editor, studyId]);

  useEffect(() => {
    void loadNext();
    void refreshQuality();
  }, [loadNext, refreshQuality]);

  useLeaseHeartbeat(api, task, (message) => setPhase({ kind: "lease-ended", message }));

  const onLeaseError = (error: unknown): boolean => {
    if (error instanceof ApiRequestError && error.status === 409) {
      setPhase({ kind: "lease-ended", message: error.message });
      return true;
    }
    return false;
  };

  const submit = async () => {
    if (!task || busy) return;
    // Enter finishes a polygon being drawn before it submits anything
    if (editor.polygon.length > 0) {
      editor.closePolygon();
      return;
    }
    setBusy(true);
    setSubmitError(null);
    try {
      const { map } = editor;
      await api.post(
        "/api/annotations",
        {
          taskId: task.id,
          labels: encodeLabelRle(map.data, map.width, map.height),
          durationMs: Math.round(performance.now() - startedAt.current),
        },
        { "idempotency-key": idempotencyKey.current },
      );
      setStatus("Saved. Here is the next slice.");
      void refreshQuality();
      await loadNext();
    } catch (error) {
      if (!onLeaseError(error)) setSubmitError(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const skip = async () => {
    if (!task || busy) return;
    setBusy(true);
    try {
      await api.post(`/api/tasks/${task.id}/skip`);
      setStatus("Skipped. Here is the next slice.");
      await loadNext();
    } catch (error) {
      if (!onLeaseError(error)) setSubmitError(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const chooseTool = (next: LabelingTool) => {
    editor.tool = next;
    editor.cancelPolygon();
    setTool(next);
  };
  const chooseClass = (index: number) => {
    if (index === 0) {
      chooseTool("eraser");
      return;
    }
    editor.activeClass = index;
    setActiveClass(index);
    if (editor.tool === "eraser") chooseTool("brush");
  };
  const chooseBrushSize = (size: number) => {
    editor.brushSize = size;
    setBrushSize(editor.brushSize);
  };
  const undo = () => editor.undo();
  const redo = () => editor.redo();

  const actions = useRef({ submit, skip, chooseTool, chooseClass, chooseBrushSize, undo, redo });
  actions.current = { submit, skip, chooseTool, chooseClass, chooseBrushSize, undo, redo };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (phase.kind !== "labeling" || event.defaultPrevented) return;
      if (!keyIsForShortcuts(event.target as HTMLElement | null, event.key)) return;
      const action = labelingShortcut(event, classes.length);
      if (!action) return;
      event.preventDefault();
      const run = actions.current;
      switch (action.kind) {
        case "class":
          return run.chooseClass(action.index);
        case "tool":
          return run.chooseTool(action.tool);
        case "undo":
          return run.undo();
        case "redo":
          return run.redo();
        case "submit":
          return void run.submit();
        case "skip":
          return void run.skip();
        case "brush-size":
          return run.chooseBrushSize(
            editor.brushSize + action.delta * Math.max(1, Math.round(editor.brushSize / 8)),
          );
        case "zoom":
          return controller.current?.zoom(action.factor);
        case "fit":
          return controller.current?.fit();
        case "cancel":
          return editor.cancelPolygon();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [phase.kind, classes.length, editor]);

  const activeColor = classCssColor(
    classes.find((cls) => cls.index === activeClass) ?? { index: activeClass, name: "", color: "" },
  );

  return (
    <main class="labeling-page">
      <header class="labeling-header">
        <div>
          <h1>{studyName}</h1>
          <p class="muted">
            {task ? `Slice task ${task.id} · ${task.width}×${task.height} px` : "\u00a0"}
          </p>
        </div>
        <QualitySummary quality={quality} />
      </header>
      <p class="visually-hidden" aria-live="polite">
        {status}
      </p>
      {phase.kind === "labeling" ? (
        <div class="labeling-layout">
          <aside class="labeling-sidebar" aria-label="Labeling tools">
            <ClassLegend classes={classes} active={activeClass} onChoose={chooseClass} />
            <LabelingToolbar
              tool={tool}
              onTool={chooseTool}
              brushSize={brushSize}
              onBrushSize={chooseBrushSize}
              opacity={opacity}
              onOpacity={setOpacity}
              windowLevel={windowLevel}
              onWindowLevel={setWindowLevel}
              canUndo={history.canUndo}
              canRedo={history.canRedo}
              onUndo={undo}
              onRedo={redo}
              onZoom={(factor) => controller.current?.zoom(factor)}
              onFit={() => controller.current?.fit()}
            />
            <details class="panel shortcuts">
              <summary>Keyboard shortcuts</summary>
              <dl>
                {SHORTCUT_HELP.map(([keys, what]) => (
                  <div key={keys}>
                    <dt>
                      <kbd>{keys}</kbd>
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </aside>
          <section class="labeling-stage" aria-label="Slice">
            <LabelCanvas
              editor={editor}
              image={phase.image}
              palette={palette}
              opacity={opacity}
              windowLevel={windowLevel}
              onWindowLevel={setWindowLevel}
              polygonColor={activeColor}
              controller={controller}
              onEdit={() => setHistory({ canUndo: editor.canUndo, canRedo: editor.canRedo })}
            />
            <div class="labeling-actions">
              {submitError ? (
                <p class="error" role="alert">
                  {submitError}
                </p>
              ) : null}
              <button type="button" class="secondary" onClick={skip} disabled={busy}>
                Skip <kbd>S</kbd>
              </button>
              <button type="button" class="primary" onClick={submit} disabled={busy}>
                {busy ? "Saving…" : "Submit"} <kbd>Enter</kbd>
              </button>
            </div>
          </section>
        </div>
      ) : (
        <SessionMessage phase={phase} onNext={loadNext} />
      )}
    </main>
  );
}

function SessionMessage({ phase, onNext }: { phase: Phase; onNext: () => void }) {
  switch (phase.kind) {
    case "loading":
      return (
        <p class="notice" role="status">
          Loading the next slice…
        </p>
      );
    case "no-task":
      return (
        <div class="notice" role="status">
          <h2>No slices left for you</h2>
          <p>
            Every slice of this study has enough labels, or you have labeled all those you can.
            Thank you!
          </p>
          <button type="button" onClick={onNext}>
            Check again
          </button>
        </div>
      );
    case "lease-ended":
      return (
        <div class="notice warning" role="alert">
          <h2>Your time on this slice ran out</h2>
          <p>
            The slice went back to the pool for someone else, and your drawing on it was not saved.
            ({phase.message})
          </p>
          <button type="button" class="primary" onClick={onNext}>
            Get the next slice
          </button>
        </div>
      );
    case "error":
      return (
        <div class="notice warning" role="alert">
          <h2>Something went wrong</h2>
          <p>{phase.message}</p>
          <button type="button" onClick={onNext}>
            Try again
          </button>
        </div>
      );
    default:
      return null;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
