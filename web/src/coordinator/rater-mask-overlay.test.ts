import { describe, expect, it } from "vitest";
import { raterMaskOverlay } from "./rater-mask-overlay.ts";

describe("raterMaskOverlay", () => {
  // a 3×3 block of class 1 in the middle of a 5×5 slice
  const a = Uint8Array.from(`00000${"01110".repeat(3)}00000`, Number);
  const b = new Uint8Array(25);
  b[12] = 1;
  const colors = [
    [10, 20, 30],
    [200, 100, 50],
  ] as const;
  const pixel = (rgba: Uint8ClampedArray, x: number, y: number) =>
    Array.from(rgba.subarray((y * 5 + x) * 4, (y * 5 + x) * 4 + 4));

  it("outlines each rater's region in their colour, later raters on top", () => {
    const rgba = raterMaskOverlay([a, b], 5, 5, 1, colors);
    expect(pixel(rgba, 1, 1)).toEqual([10, 20, 30, 255]);
    expect(pixel(rgba, 3, 3)).toEqual([10, 20, 30, 255]);
    // b's single pixel is all edge, drawn over a's interior
    expect(pixel(rgba, 2, 2)).toEqual([200, 100, 50, 255]);
  });

  it("fills by agreement and leaves unlabeled pixels transparent", () => {
    const rgba = raterMaskOverlay([a, a, b], 5, 5, 1, [[0, 0, 0]]);
    expect(pixel(rgba, 0, 0)).toEqual([0, 0, 0, 0]);
    const only = raterMaskOverlay([a, new Uint8Array(25)], 5, 5, 1, [[1, 1, 1]]);
    // the centre of a's 3×3 block is inside it, not on its outline: fill only, 1 vote of 2
    expect(pixel(only, 2, 2)[3]).toBe(85);
    expect(pixel(only, 2, 2).slice(0, 3)).toEqual([255, 255, 255]);
  });
});
