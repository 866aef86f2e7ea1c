import { describe, expect, it } from "vitest";
import { floodFill } from "./flood-fill.ts";
import { mapFromRows, renderRows } from "./test-label-map.ts";

describe("floodFill", () => {
  it("fills the inside of an outline and stops at it", () => {
    const map = mapFromRows(["0000000", "0111110", "0100010", "0101010", "0111110", "0000000"]);
    expect(floodFill(map, 2.5, 2.5, 2)).toEqual({ x0: 2, y0: 2, x1: 5, y1: 4 });
    expect(renderRows(map)).toEqual([
      "0000000",
      "0111110",
      "0122210",
      "0121210",
      "0111110",
      "0000000",
    ]);
  });

  it("does not leak through a diagonal gap (4-connected)", () => {
    const map = mapFromRows(["010", "101", "010"]);
    floodFill(map, 1.5, 1.5, 3);
    expect(renderRows(map)).toEqual(["010", "131", "010"]);
  });

  it("follows a region that winds back on itself (U shape, seeds in both arms)", () => {
    const map = mapFromRows(["00000", "01110", "01010", "01010", "00000"]);
    floodFill(map, 0.5, 0.5, 2);
    expect(renderRows(map)).toEqual(["22222", "21112", "21212", "21212", "22222"]);
  });

  it("changes nothing for a click outside the image or on the fill's own class", () => {
    const map = mapFromRows(["11", "11"]);
    expect(floodFill(map, 5, 0, 2)).toBeNull();
    expect(floodFill(map, 0, 0, 1)).toBeNull();
    expect(renderRows(map)).toEqual(["11", "11"]);
  });

  it("fills a whole empty 256×256 slice without running out of stack", () => {
    const map = mapFromRows(Array.from({ length: 256 }, () => "0".repeat(256)));
    expect(floodFill(map, 100, 100, 1)).toEqual({ x0: 0, y0: 0, x1: 256, y1: 256 });
    expect(map.data.every((v) => v === 1)).toBe(true);
  });
});
