import { MAX_BRUSH_SIZE, MIN_BRUSH_SIZE } from "../labeling/label-editor.ts";
import { LABELING_TOOLS, type LabelingTool } from "../labeling/labeling-tool.ts";
import { FULL_WINDOW, type WindowLevel } from "../labeling/window-level.ts";

interface LabelingToolbarProps {
  tool: LabelingTool;
  onTool: (tool: LabelingTool) => void;
  brushSize: number;
  onBrushSize: (size: number) => void;
  opacity: number;
  onOpacity: (opacity: number) => void;
  windowLevel: WindowLevel;
  onWindowLevel: (windowLevel: WindowLevel) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onZoom: (factor: number) => void;
  onFit: () => void;
}

/** Tools, brush size, overlay opacity, window/level, undo/redo and zoom, in tab order. */
export function LabelingToolbar(props: LabelingToolbarProps) {
  const { windowLevel } = props;
  return (
    <div class="labeling-toolbar">
      <fieldset class="panel">
        <legend>Tool</legend>
        <div class="tool-buttons">
          {LABELING_TOOLS.map(({ tool, label, key }) => (
            <label key={tool} class={props.tool === tool ? "tool active" : "tool"}>
              <input
                type="radio"
                name="labeling-tool"
                value={tool}
                checked={props.tool === tool}
                onChange={() => props.onTool(tool)}
              />
              {label} <kbd>{key.toUpperCase()}</kbd>
            </label>
          ))}
        </div>
        <label class="slider">
          <span>
            Brush size <output>{props.brushSize}px</output>
          </span>
          <input
            type="range"
            min={MIN_BRUSH_SIZE}
            max={MAX_BRUSH_SIZE}
            value={props.brushSize}
            onInput={(event) => props.onBrushSize(Number(event.currentTarget.value))}
          />
        </label>
        <div class="button-row">
          <button type="button" onClick={props.onUndo} disabled={!props.canUndo} title="Ctrl+Z">
            Undo
          </button>
          <button
            type="button"
            onClick={props.onRedo}
            disabled={!props.canRedo}
            title="Ctrl+Shift+Z"
          >
            Redo
          </button>
        </div>
      </fieldset>
      <fieldset class="panel">
        <legend>View</legend>
        <label class="slider">
          <span>
            Label opacity <output>{Math.round(props.opacity * 100)}%</output>
          </span>
          <input
            type="range"
            min={0}
            max={100}
            value={Math.round(props.opacity * 100)}
            onInput={(event) => props.onOpacity(Number(event.currentTarget.value) / 100)}
          />
        </label>
        <label class="slider">
          <span>
            Window <output>{Math.round(windowLevel.width)}</output>
          </span>
          <input
            type="range"
            min={1}
            max={512}
            value={windowLevel.width}
            onInput={(event) =>
              props.onWindowLevel({ ...windowLevel, width: Number(event.currentTarget.value) })
            }
          />
        </label>
        <label class="slider">
          <span>
            Level <output>{Math.round(windowLevel.level)}</output>
          </span>
          <input
            type="range"
            min={0}
            max={255}
            value={windowLevel.level}
            onInput={(event) =>
              props.onWindowLevel({ ...windowLevel, level: Number(event.currentTarget.value) })
            }
          />
        </label>
        <div class="button-row">
          <button type="button" onClick={() => props.onZoom(1.25)} aria-label="Zoom in" title="+">
            +
          </button>
          <button type="button" onClick={() => props.onZoom(0.8)} aria-label="Zoom out" title="−">
            −
          </button>
          <button type="button" onClick={props.onFit} title="Shift+F">
            Fit
          </button>
          <button type="button" onClick={() => props.onWindowLevel(FULL_WINDOW)}>
            Reset window
          </button>
        </div>
      </fieldset>
    </div>
  );
}
