import { describe, expect, it } from "vitest";
import { type LabelChange, LabelEditor } from "./label-editor.ts";
import { emptyLabelMap } from "./label-map.ts";
import { renderRows } from "./test-label-map.ts";

function editor(width = 6, height = 4) {
  const edit = new LabelEditor(emptyLabelMap(width, height));
  const changes: LabelChange[] = [];
  edit.onChange((change) => changes.push(change));
  return { edit, changes };
}

describe("LabelEditor", () => {
  it("paints a brush stroke in the active class and undoes it as one step", () => {
    const { edit, changes } = editor();
    edit.brushSize = 1;
    edit.activeClass = 2;
    edit.pointerDown({ x: 0.5, y: 1.5 });
    edit.pointerMove({ x: 3.5, y: 1.5 });
    edit.pointerUp();
    expect(renderRows(edit.map)).toEqual(["000000", "222200", "000000", "000000"]);
    expect(changes).toContainEqual({ x0: 1, y0: 1, x1: 4, y1: 2 });
    expect(edit.undo()).toBe(true);
    expect(renderRows(edit.map)).toEqual(["000000", "000000", "000000", "000000"]);
    expect(changes.at(-1)).toBe("all");
    expect(edit.redo()).toBe(true);
    expect(renderRows(edit.map)[1]).toBe("222200");
  });

  it("erases to background and ignores moves with no button down", () => {
    const { edit } = editor();
    edit.brushSize = 1;
    edit.pointerDown({ x: 0.5, y: 0.5 });
    edit.pointerMove({ x: 5.5, y: 0.5 });
    edit.pointerUp();
    edit.tool = "eraser";
    edit.pointerDown({ x: 2.5, y: 0.5 });
    edit.pointerUp();
    edit.pointerMove({ x: 4.5, y: 0.5 });
    expect(renderRows(edit.map)[0]).toBe("110111");
  });

  it("closes a polygon on a click near its first vertex and fills it", () => {
    const { edit, changes } = editor();
    edit.tool = "polygon";
    edit.activeClass = 3;
    edit.pointerDown({ x: 1, y: 1 });
    edit.pointerDown({ x: 4, y: 1 });
    edit.pointerDown({ x: 4, y: 3 });
    edit.pointerDown({ x: 1, y: 3 });
    expect(edit.polygon).toHaveLength(4);
    expect(changes.every((change) => change === "polygon")).toBe(true);
    edit.pointerDown({ x: 1.4, y: 1.3 }, 1);
    expect(edit.polygon).toHaveLength(0);
    expect(renderRows(edit.map)).toEqual(["000000", "033300", "033300", "000000"]);
    expect(edit.canUndo).toBe(true);
  });

  it("closes a polygon on request only once it has three vertices", () => {
    const { edit } = editor();
    edit.tool = "polygon";
    edit.pointerDown({ x: 0, y: 0 });
    edit.pointerDown({ x: 6, y: 0 });
    expect(edit.closePolygon()).toBe(false);
    edit.pointerDown({ x: 0, y: 4 });
    expect(edit.closePolygon()).toBe(true);
    expect(edit.map.data.some((v) => v === 1)).toBe(true);
  });

  it("records a fill for undo only when it changed something", () => {
    const { edit } = editor(3, 1);
    edit.tool = "fill";
    edit.activeClass = 0;
    edit.pointerDown({ x: 1, y: 0 });
    expect(edit.canUndo).toBe(false);
    edit.activeClass = 2;
    edit.pointerDown({ x: 1, y: 0 });
    expect(renderRows(edit.map)).toEqual(["222"]);
    expect(edit.undo()).toBe(true);
    expect(renderRows(edit.map)).toEqual(["000"]);
  });

  it("clamps the brush size and starts a new slice with no history", () => {
    const { edit } = editor();
    edit.brushSize = 0;
    expect(edit.brushSize).toBe(1);
    edit.brushSize = 1000;
    expect(edit.brushSize).toBe(64);
    edit.pointerDown({ x: 1, y: 1 });
    edit.pointerUp();
    edit.reset(emptyLabelMap(2, 2));
    expect(edit.canUndo).toBe(false);
    expect(edit.map.width).toBe(2);
  });
});
