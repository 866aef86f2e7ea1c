import { describe, expect, it } from "vitest";
import { FULL_WINDOW, grayToRgba, windowLevelTable } from "./window-level.ts";

describe("windowLevelTable", () => {
  it("is the identity for the full window", () => {
    const table = windowLevelTable(FULL_WINDOW);
    expect(Array.from(table)).toEqual(Array.from({ length: 256 }, (_, v) => v));
  });

  it("stretches a narrow window to black..white and clamps outside it", () => {
    const table = windowLevelTable({ level: 100, width: 50 });
    expect(table[0]).toBe(0);
    expect(table[75]).toBe(0);
    expect(table[100]).toBe(128);
    expect(table[125]).toBe(255);
    expect(table[200]).toBe(255);
    expect(table[90]! < table[110]!).toBe(true);
  });

  it("survives a zero width without dividing by zero", () => {
    const table = windowLevelTable({ level: 50, width: 0 });
    expect(table[49]).toBe(0);
    expect(table[51]).toBe(255);
  });
});

describe("grayToRgba", () => {
  it("writes opaque gray pixels through the table", () => {
    const out = new Uint8ClampedArray(8);
    const table = windowLevelTable({ level: 100, width: 50 });
    grayToRgba(new Uint8Array([100, 200]), table, out);
    expect(Array.from(out)).toEqual([128, 128, 128, 255, 255, 255, 255, 255]);
  });
});
