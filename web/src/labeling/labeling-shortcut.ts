import { LABELING_TOOLS, type LabelingTool } from "./labeling-tool.ts";

export type ShortcutAction =
  | { kind: "class"; index: number }
  | { kind: "tool"; tool: LabelingTool }
  | { kind: "undo" }
  | { kind: "redo" }
  | { kind: "submit" }
  | { kind: "skip" }
  | { kind: "brush-size"; delta: number }
  | { kind: "zoom"; factor: number }
  | { kind: "fit" }
  | { kind: "cancel" };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The shortcut table, also shown to raters as the page's help. */
export const SHORTCUT_HELP: readonly [string, string][] = [
  ["1–9", "choose a class (0: background)"],
  ...LABELING_TOOLS.map(({ key, label }): [string, string] => [key, label.toLowerCase()]),
  ["[ ]", "smaller / larger brush"],
  ["Ctrl+Z", "undo"],
  ["Ctrl+Shift+Z, Ctrl+Y", "redo"],
  ["+ −", "zoom in / out"],
  ["Shift+F", "fit the slice to the view"],
  ["Enter", "close the polygon, else submit"],
  ["s", "skip this slice"],
  ["Esc", "drop the polygon being drawn"],
];

/**
 * The action of a key on the labeling page, or null when the key is not a shortcut.
 * `classCount` bounds the number keys, so a 3-class study ignores 4–9 rather than failing.
 */
export function labelingShortcut(press: KeyPress, classCount: number): ShortcutAction | null {
  const { key, ctrlKey, metaKey, shiftKey, altKey } = press;
  if (altKey) return null;
  const command = ctrlKey || metaKey;
  const lower = key.toLowerCase();
  if (command) {
    if (lower === "z") return shiftKey ? { kind: "redo" } : { kind: "undo" };
    if (lower === "y") return { kind: "redo" };
    return null;
  }
  if (/^[0-9]$/.test(key)) {
    const index = Number(key);
    return index < classCount ? { kind: "class", index } : null;
  }
  if (key === "Enter") return { kind: "submit" };
  if (key === "Escape") return { kind: "cancel" };
  if (key === "[") return { kind: "brush-size", delta: -1 };
  if (key === "]") return { kind: "brush-size", delta: 1 };
  if (key === "+" || key === "=") return { kind: "zoom", factor: 1.25 };
  if (key === "-" || key === "_") return { kind: "zoom", factor: 0.8 };
  if (key === "F" && shiftKey) return { kind: "fit" };
  if (lower === "s") return { kind: "skip" };
  const tool = LABELING_TOOLS.find((entry) => entry.key === key);
  return tool ? { kind: "tool", tool: tool.tool } : null;
}

/** Just the parts of an event target that decide whether a key belongs to it. */
export interface KeyTarget {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
}

const TEXT_INPUT_TYPES = new Set(["text", "email", "password", "number", "search", "url", "tel"]);

/**
 * Whether a key pressed while `target` has focus is the page's shortcut rather than the
 * target's own: typing into a field keeps its letters, and Enter or Space on a focused button
 * presses that button instead of also submitting the slice.
 */
export function keyIsForShortcuts(target: KeyTarget | null, key: string): boolean {
  if (!target) return true;
  const tag = target.tagName.toLowerCase();
  if (target.isContentEditable || tag === "textarea" || tag === "select") return false;
  if (tag === "input" && TEXT_INPUT_TYPES.has((target.type ?? "text").toLowerCase())) return false;
  const activates = key === "Enter" || key === " ";
  if (activates && (tag === "button" || tag === "a" || tag === "summary")) return false;
  if (activates && tag === "input") return false;
  return true;
}
