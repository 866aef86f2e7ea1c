import { describe, expect, it } from "vitest";
import { UndoStack } from "./undo-stack.ts";

describe("UndoStack", () => {
  it("walks back and forth through recorded states", () => {
    const stack = new UndoStack<string>();
    stack.record("a"); // a → b
    stack.record("b"); // b → c
    expect(stack.undo("c")).toBe("b");
    expect(stack.undo("b")).toBe("a");
    expect(stack.undo("a")).toBeUndefined();
    expect(stack.redo("a")).toBe("b");
    expect(stack.redo("b")).toBe("c");
    expect(stack.redo("c")).toBeUndefined();
  });

  it("forgets the redo history when a new edit is recorded", () => {
    const stack = new UndoStack<string>();
    stack.record("a");
    expect(stack.undo("b")).toBe("a");
    expect(stack.canRedo).toBe(true);
    stack.record("a");
    expect(stack.canRedo).toBe(false);
    expect(stack.redo("x")).toBeUndefined();
  });

  it("keeps at most `limit` states, dropping the oldest", () => {
    const stack = new UndoStack<number>(2);
    stack.record(1);
    stack.record(2);
    stack.record(3);
    expect(stack.undo(4)).toBe(3);
    expect(stack.undo(3)).toBe(2);
    expect(stack.undo(2)).toBeUndefined();
  });

  it("clear drops both histories", () => {
    const stack = new UndoStack<number>();
    stack.record(1);
    stack.undo(2);
    stack.clear();
    expect(stack.canUndo).toBe(false);
    expect(stack.canRedo).toBe(false);
  });
});
