import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeLabelPng } from "./decode-label-png.ts";
import { ImagingError } from "./imaging-error.ts";
import { buildPng } from "./test-support/build-png.ts";

const BU_BIL = path.resolve(import.meta.dirname, "../../../shared/data/bu-bil/BU-BIL_Dataset4");

function errorOf(fn: () => unknown): ImagingError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImagingError) return error;
    throw error;
  }
  throw new Error("expected an ImagingError");
}

describe("decodeLabelPng", () => {
  it("returns 8-bit gray values as labels", () => {
    const samples = [0, 1, 2, 3, 3, 2, 1, 0, 255];
    const png = decodeLabelPng(
      buildPng({ width: 3, height: 3, bitDepth: 8, colorType: 0, samples }),
    );
    expect(png).toEqual({ width: 3, height: 3, labels: Uint8Array.from(samples) });
  });

  it("returns palette indices, even where two entries share a colour", () => {
    const palette: [number, number, number][] = [
      [0, 0, 0],
      [128, 0, 0],
      [0, 128, 0],
      [0, 0, 0], // same colour as index 0: only the index tells them apart
    ];
    const samples = [0, 1, 2, 3, 3, 0];
    const png = decodeLabelPng(
      buildPng({
        width: 3,
        height: 2,
        bitDepth: 4,
        colorType: 3,
        samples,
        palette,
        trns: [0, 255],
      }),
    );
    expect(Array.from(png.labels)).toEqual(samples);
  });

  it("returns 0/1 for a 1-bit mask", () => {
    const samples = [1, 0, 0, 1, 1, 1, 0, 0, 1];
    const png = decodeLabelPng(
      buildPng({ width: 9, height: 1, bitDepth: 1, colorType: 0, samples }),
    );
    expect(Array.from(png.labels)).toEqual(samples);
  });

  it("accepts gray saved as RGB or RGBA, and 16-bit gray whose values fit in a byte", () => {
    const rgb = decodeLabelPng(
      buildPng({
        width: 2,
        height: 1,
        bitDepth: 8,
        colorType: 6,
        samples: [3, 3, 3, 0, 1, 1, 1, 255],
      }),
    );
    expect(Array.from(rgb.labels)).toEqual([3, 1]);
    const wide = decodeLabelPng(
      buildPng({ width: 3, height: 1, bitDepth: 16, colorType: 0, samples: [0, 2, 255] }),
    );
    expect(Array.from(wide.labels)).toEqual([0, 2, 255]);
  });

  it("refuses real colours and 16-bit values above 255, naming the pixel", () => {
    const colour = errorOf(() =>
      decodeLabelPng(
        buildPng({
          width: 2,
          height: 2,
          bitDepth: 8,
          colorType: 2,
          samples: [0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 0, 0],
        }),
      ),
    );
    expect(colour.code).toBe("png_unsupported");
    expect(colour.message).toMatch(/colour pixel at \(x 1, y 1\): rgb\(255, 0, 0\)/);
    const wide = errorOf(() =>
      decodeLabelPng(
        buildPng({ width: 2, height: 1, bitDepth: 16, colorType: 0, samples: [1, 300] }),
      ),
    );
    expect(wide.code).toBe("png_unsupported");
    expect(wide.message).toMatch(/value 300 at \(x 1, y 0\)/);
  });

  it("reads BU-BIL masks from all three sources as the same binary map", () => {
    // Expert masks are 1-bit palette, the reference 1-bit gray, worker masks 8-bit RGBA;
    // black (cell) must come out as 0 in each.
    const expert = decodeLabelPng(
      readFileSync(path.join(BU_BIL, "ExpertsAnnotations/Expert1/seg_000092.png")),
    );
    const gold = decodeLabelPng(readFileSync(path.join(BU_BIL, "GoldStandard/seg_000092.png")));
    const worker = decodeLabelPng(
      readFileSync(path.join(BU_BIL, "CrowdsourcedAnnotations/mturk_annotation4-3/seg_000092.png")),
    );
    expect([expert.width, expert.height]).toEqual([gold.width, gold.height]);
    expect(new Set(expert.labels)).toEqual(new Set([0, 1]));
    expect(new Set(gold.labels)).toEqual(new Set([0, 1]));
    expect(new Set(worker.labels)).toEqual(new Set([0, 255]));
    let disagree = 0;
    let cell = 0;
    for (let i = 0; i < gold.labels.length; i++) {
      if (gold.labels[i] === 0) cell++;
      if (gold.labels[i] !== expert.labels[i]) disagree++;
    }
    expect(cell).toBeGreaterThan(100);
    expect(disagree).toBeLessThan(cell / 2);
  });
});
