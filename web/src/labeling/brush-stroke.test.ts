import { describe, expect, it } from "vitest";
import { paintBrushSegment, stampBrush } from "./brush-stroke.ts";
import { emptyLabelMap } from "./label-map.ts";
import { renderRows } from "./test-label-map.ts";

describe("stampBrush", () => {
  it("paints exactly one pixel with size 1, wherever inside the pixel the pointer is", () => {
    for (const point of [
      { x: 2.01, y: 1.02 },
      { x: 2.99, y: 1.98 },
    ]) {
      const map = emptyLabelMap(5, 3);
      expect(stampBrush(map, point, 1, 2)).toEqual({ x0: 2, y0: 1, x1: 3, y1: 2 });
      expect(renderRows(map)).toEqual(["00000", "00200", "00000"]);
    }
  });

  it("paints a 2×2 block with size 2 around the nearest pixel corner", () => {
    const map = emptyLabelMap(4, 4);
    stampBrush(map, { x: 1.9, y: 2.2 }, 2, 1);
    expect(renderRows(map)).toEqual(["0000", "0110", "0110", "0000"]);
  });

  it("paints a disc with size 5", () => {
    const map = emptyLabelMap(7, 7);
    stampBrush(map, { x: 3.5, y: 3.5 }, 5, 3);
    expect(renderRows(map)).toEqual([
      "0000000",
      "0033300",
      "0333330",
      "0333330",
      "0333330",
      "0033300",
      "0000000",
    ]);
  });

  it("clips at the image border and reports only the pixels inside", () => {
    const map = emptyLabelMap(4, 4);
    expect(stampBrush(map, { x: 0.2, y: 0.2 }, 3, 1)).toEqual({ x0: 0, y0: 0, x1: 2, y1: 2 });
    // size 3 is a full 3×3 block: its corners are √2 < 1.5 from the centre
    expect(renderRows(map)).toEqual(["1100", "1100", "0000", "0000"]);
    expect(stampBrush(map, { x: -10, y: 2 }, 3, 1)).toBeNull();
  });
});

describe("paintBrushSegment", () => {
  it("leaves no gap when the pointer jumps many pixels between two events", () => {
    const map = emptyLabelMap(12, 3);
    const dirty = paintBrushSegment(map, { x: 0.5, y: 1.5 }, { x: 11.5, y: 1.5 }, 1, 1);
    expect(renderRows(map)).toEqual(["000000000000", "011111111111", "000000000000"]);
    expect(dirty).toEqual({ x0: 1, y0: 1, x1: 12, y1: 2 });
  });

  it("draws a connected diagonal", () => {
    const map = emptyLabelMap(5, 5);
    stampBrush(map, { x: 0.5, y: 0.5 }, 1, 1);
    paintBrushSegment(map, { x: 0.5, y: 0.5 }, { x: 4.5, y: 4.5 }, 1, 1);
    expect(renderRows(map)).toEqual(["10000", "01000", "00100", "00010", "00001"]);
  });
});
