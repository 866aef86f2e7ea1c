import { describe, expect, it } from "vitest";
import { writeOverlayPixels } from "./label-overlay-pixels.ts";
import { mapFromRows } from "./test-label-map.ts";

describe("writeOverlayPixels", () => {
  it("colours only the pixels inside the rectangle", () => {
    const map = mapFromRows(["120", "012"]);
    const palette = new Uint32Array(256);
    palette[1] = 11;
    palette[2] = 22;
    const out = new Uint32Array(6).fill(7);
    writeOverlayPixels(map, palette, out, { x0: 1, y0: 0, x1: 3, y1: 2 });
    expect(Array.from(out)).toEqual([7, 22, 0, 7, 11, 22]);
  });
});
