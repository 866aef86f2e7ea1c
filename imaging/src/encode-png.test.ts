import { describe, expect, it } from "vitest";
import { decodeLabelPng } from "./decode-label-png.ts";
import { decodePng } from "./decode-png.ts";
import { encodePng8, encodeRgbaPng } from "./encode-png.ts";
import { ImagingError } from "./imaging-error.ts";

describe("encodePng8 / encodeRgbaPng", () => {
  it("encodes 8-bit gray that decodes to the same bytes", () => {
    const [width, height] = [37, 11]; // odd sizes catch row-stride mistakes
    const gray = Uint8Array.from({ length: width * height }, (_, i) => (i * 31) % 256);
    const bytes = encodePng8(gray, width, height);
    expect([bytes[24], bytes[25]]).toEqual([8, 0]); // IHDR: bit depth 8, colour type gray
    const back = decodePng(bytes);
    expect([back.width, back.height, back.colorType]).toEqual([width, height, "gray"]);
    expect(Array.from(back.gray)).toEqual(Array.from(gray, (v) => Math.fround(v / 255)));
    expect(decodeLabelPng(bytes).labels).toEqual(gray);
  });

  it("encodes RGBA overlays losslessly", () => {
    const rgba = Uint8Array.from([255, 0, 0, 128, 0, 255, 0, 0, 7, 7, 7, 255, 0, 0, 0, 0]);
    const bytes = encodeRgbaPng(rgba, 2, 2);
    expect([bytes[24], bytes[25]]).toEqual([8, 6]);
    const back = decodePng(bytes);
    expect(back.colorType).toBe("rgba");
    expect(back.gray[0]).toBe(Math.fround((0.299 * 255) / 255));
    expect(back.gray[2]).toBe(Math.fround(((0.299 + 0.587 + 0.114) * 7) / 255));
    // Equal channels read back as the label, alpha aside.
    expect(
      decodeLabelPng(encodeRgbaPng(Uint8Array.from([3, 3, 3, 0, 9, 9, 9, 255]), 2, 1)).labels,
    ).toEqual(Uint8Array.from([3, 9]));
  });

  it("works on a view into a larger buffer", () => {
    const backing = Uint8Array.from({ length: 20 }, (_, i) => i * 10);
    const view = backing.subarray(4, 10);
    expect(decodeLabelPng(encodePng8(view, 3, 2)).labels).toEqual(
      Uint8Array.from([40, 50, 60, 70, 80, 90]),
    );
  });

  it("refuses data that does not match the size", () => {
    expect(() => encodePng8(new Uint8Array(10), 4, 3)).toThrow(
      new ImagingError("size_mismatch", "a 4×3 image needs 12 bytes (1 per pixel), got 10"),
    );
    expect(() => encodeRgbaPng(new Uint8Array(12), 4, 3)).toThrow(
      /needs 48 bytes \(4 per pixel\), got 12/,
    );
    expect(() => encodePng8(new Uint8Array(0), 0, 5)).toThrow(/whole numbers ≥ 1, got 0×5/);
  });
});
