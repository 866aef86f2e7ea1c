import { describe, expect, it } from "vitest";
import { emptyLabelMap } from "./label-map.ts";
import { fillPolygon } from "./polygon-fill.ts";
import { renderRows } from "./test-label-map.ts";

describe("fillPolygon", () => {
  it("fills the pixels whose centres are inside an axis-aligned rectangle", () => {
    const map = emptyLabelMap(6, 5);
    fillPolygon(
      map,
      [
        { x: 1, y: 1 },
        { x: 4, y: 1 },
        { x: 4, y: 3 },
        { x: 1, y: 3 },
      ],
      2,
    );
    expect(renderRows(map)).toEqual(["000000", "022200", "022200", "000000", "000000"]);
  });

  it("fills a triangle by pixel centres", () => {
    const map = emptyLabelMap(5, 5);
    fillPolygon(
      map,
      [
        { x: 0, y: 0 },
        { x: 5, y: 0 },
        { x: 0, y: 5 },
      ],
      1,
    );
    expect(renderRows(map)).toEqual(["11110", "11100", "11000", "10000", "00000"]);
  });

  it("leaves the hole of a self-crossing outline empty (even–odd)", () => {
    const map = emptyLabelMap(6, 3);
    // two overlapping rectangles traced as one outline: the overlap is crossed twice
    fillPolygon(
      map,
      [
        { x: 0, y: 0 },
        { x: 4, y: 0 },
        { x: 4, y: 3 },
        { x: 2, y: 3 },
        { x: 2, y: 0 },
        { x: 6, y: 0 },
        { x: 6, y: 3 },
        { x: 0, y: 3 },
      ],
      1,
    );
    expect(renderRows(map)).toEqual(["110011", "110011", "110011"]);
  });

  it("covers each pixel once along an edge two polygons share", () => {
    const a = emptyLabelMap(4, 2);
    const b = emptyLabelMap(4, 2);
    const left = [
      { x: 0, y: 0 },
      { x: 2.5, y: 0 },
      { x: 2.5, y: 2 },
      { x: 0, y: 2 },
    ];
    const right = [
      { x: 2.5, y: 0 },
      { x: 4, y: 0 },
      { x: 4, y: 2 },
      { x: 2.5, y: 2 },
    ];
    fillPolygon(a, left, 1);
    fillPolygon(b, right, 1);
    const sum = a.data.map((v, i) => v + b.data[i]!);
    expect(Array.from(sum)).toEqual(new Array(8).fill(1));
  });

  it("does nothing for fewer than three vertices or a polygon off the image", () => {
    const map = emptyLabelMap(3, 3);
    expect(
      fillPolygon(
        map,
        [
          { x: 0, y: 0 },
          { x: 2, y: 2 },
        ],
        1,
      ),
    ).toBeNull();
    expect(
      fillPolygon(
        map,
        [
          { x: 10, y: 10 },
          { x: 12, y: 10 },
          { x: 12, y: 12 },
        ],
        1,
      ),
    ).toBeNull();
    expect(map.data.every((v) => v === 0)).toBe(true);
  });
});
