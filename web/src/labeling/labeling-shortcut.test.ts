import { describe, expect, it } from "vitest";
import { type KeyPress, keyIsForShortcuts, labelingShortcut } from "./labeling-shortcut.ts";

function press(key: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers };
}

describe("labelingShortcut", () => {
  it("chooses classes by number, within the study's classes", () => {
    expect(labelingShortcut(press("3"), 4)).toEqual({ kind: "class", index: 3 });
    expect(labelingShortcut(press("0"), 4)).toEqual({ kind: "class", index: 0 });
    expect(labelingShortcut(press("4"), 4)).toBeNull();
  });

  it("switches tools with b, e, p and f", () => {
    expect(labelingShortcut(press("b"), 4)).toEqual({ kind: "tool", tool: "brush" });
    expect(labelingShortcut(press("e"), 4)).toEqual({ kind: "tool", tool: "eraser" });
    expect(labelingShortcut(press("p"), 4)).toEqual({ kind: "tool", tool: "polygon" });
    expect(labelingShortcut(press("f"), 4)).toEqual({ kind: "tool", tool: "fill" });
  });

  it("undoes with Ctrl+Z or Cmd+Z and redoes with Shift or Y", () => {
    expect(labelingShortcut(press("z", { ctrlKey: true }), 4)).toEqual({ kind: "undo" });
    expect(labelingShortcut(press("z", { metaKey: true }), 4)).toEqual({ kind: "undo" });
    expect(labelingShortcut(press("Z", { ctrlKey: true, shiftKey: true }), 4)).toEqual({
      kind: "redo",
    });
    expect(labelingShortcut(press("y", { ctrlKey: true }), 4)).toEqual({ kind: "redo" });
    // Ctrl+S is the browser's save, not skip
    expect(labelingShortcut(press("s", { ctrlKey: true }), 4)).toBeNull();
  });

  it("submits on Enter, skips on s, sizes the brush with brackets", () => {
    expect(labelingShortcut(press("Enter"), 4)).toEqual({ kind: "submit" });
    expect(labelingShortcut(press("s"), 4)).toEqual({ kind: "skip" });
    expect(labelingShortcut(press("]"), 4)).toEqual({ kind: "brush-size", delta: 1 });
    expect(labelingShortcut(press("["), 4)).toEqual({ kind: "brush-size", delta: -1 });
  });

  it("zooms with + and -, fits with Shift+F, ignores Alt combinations", () => {
    expect(labelingShortcut(press("+"), 4)).toEqual({ kind: "zoom", factor: 1.25 });
    expect(labelingShortcut(press("-"), 4)).toEqual({ kind: "zoom", factor: 0.8 });
    expect(labelingShortcut(press("F", { shiftKey: true }), 4)).toEqual({ kind: "fit" });
    expect(labelingShortcut(press("b", { altKey: true }), 4)).toBeNull();
    expect(labelingShortcut(press("q"), 4)).toBeNull();
  });
});

describe("keyIsForShortcuts", () => {
  it("leaves typing in text fields alone", () => {
    expect(keyIsForShortcuts({ tagName: "INPUT", type: "text" }, "b")).toBe(false);
    expect(keyIsForShortcuts({ tagName: "TEXTAREA" }, "s")).toBe(false);
    expect(keyIsForShortcuts({ tagName: "DIV", isContentEditable: true }, "1")).toBe(false);
  });

  it("lets Enter press a focused button, but takes letters and digits there", () => {
    expect(keyIsForShortcuts({ tagName: "BUTTON" }, "Enter")).toBe(false);
    expect(keyIsForShortcuts({ tagName: "BUTTON" }, "2")).toBe(true);
    expect(keyIsForShortcuts({ tagName: "INPUT", type: "range" }, "b")).toBe(true);
    expect(keyIsForShortcuts({ tagName: "INPUT", type: "radio" }, " ")).toBe(false);
  });

  it("takes everything on the canvas or the page", () => {
    expect(keyIsForShortcuts({ tagName: "CANVAS" }, "Enter")).toBe(true);
    expect(keyIsForShortcuts(null, "s")).toBe(true);
  });
});
