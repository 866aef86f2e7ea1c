import { describe, expect, it } from "vitest";
import { classCssColor, classPalette, packRgba, parseHexColor } from "./class-palette.ts";

describe("class palette", () => {
  it("parses short and long hex colours and nothing else", () => {
    expect(parseHexColor("#f80")).toEqual([255, 136, 0]);
    expect(parseHexColor("#1A2b3C")).toEqual([26, 43, 60]);
    expect(parseHexColor("red")).toBeNull();
    expect(parseHexColor("#12345")).toBeNull();
  });

  it("packs RGBA little-endian as ImageData's bytes lie, and leaves background transparent", () => {
    const palette = classPalette([
      { index: 0, name: "background", color: "#ffffff" },
      { index: 2, name: "myocardium", color: "#00ff00" },
    ]);
    const bytes = new Uint8Array(palette.buffer);
    expect(Array.from(bytes.subarray(8, 12))).toEqual([0, 255, 0, 255]);
    expect(palette[0]).toBe(0);
    expect(palette[2]).toBe(packRgba(0, 255, 0, 255));
  });

  it("falls back to a built-in colour for a class whose colour is not hex", () => {
    const cls = { index: 1, name: "RV", color: "teal" };
    expect(classPalette([cls])[1]).not.toBe(0);
    expect(classCssColor(cls)).toMatch(/^#[0-9a-f]{6}$/);
  });
});
