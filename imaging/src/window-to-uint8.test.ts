import { describe, expect, it } from "vitest";
import { ImagingError } from "./imaging-error.ts";
import { windowToUint8 } from "./window-to-uint8.ts";

describe("windowToUint8", () => {
  const data = Float32Array.from([-1, 0, 0.25, 0.5, 1, 2, Number.NaN]);

  it("maps min to 0 and max to 255, linearly, clamping outside", () => {
    expect(Array.from(windowToUint8(data, { min: 0, max: 1 }))).toEqual([
      0, 0, 64, 128, 255, 255, 0,
    ]);
  });

  it("treats center/width as min = center − width/2, max = center + width/2", () => {
    expect(windowToUint8(data, { center: 0.5, width: 1 })).toEqual(
      windowToUint8(data, { min: 0, max: 1 }),
    );
    expect(Array.from(windowToUint8(data, { center: 0.5, width: 0.5 }))).toEqual([
      0, 0, 0, 128, 255, 255, 0,
    ]);
  });

  it("thresholds when the window has zero width", () => {
    expect(Array.from(windowToUint8(data, { min: 0.5, max: 0.5 }))).toEqual([
      0, 0, 0, 0, 255, 255, 0,
    ]);
  });

  it("refuses inverted or non-finite windows", () => {
    expect(() => windowToUint8(data, { min: 1, max: 0 })).toThrow(ImagingError);
    expect(() => windowToUint8(data, { min: 1, max: 0 })).toThrow(/got 1\.\.0/);
    expect(() => windowToUint8(data, { center: 0, width: -2 })).toThrow(/center 0, width -2/);
    expect(() => windowToUint8(data, { min: Number.NaN, max: 1 })).toThrow(/finite/);
  });
});
