import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ImagingError } from "./imaging-error.ts";
import { readNifti } from "./read-nifti.ts";
import { readNiftiLabels } from "./read-nifti-labels.ts";
import { writeNifti } from "./write-nifti.ts";

function seededValues(n: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: n }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  });
}

describe("writeNifti", () => {
  const [width, height, depth] = [5, 4, 3];
  const n = width * height * depth;
  const noise = seededValues(n, 7);

  it("round-trips uint8 labels, int16 and float32 volumes through readNifti", () => {
    const labels = Uint8Array.from(noise, (v) => Math.floor(v * 4));
    const int16 = Int16Array.from(noise, (v) => Math.round((v - 0.5) * 60000));
    const float32 = Float32Array.from(noise, (v) => v * 1e3 - 17);
    for (const [data, datatype] of [
      [labels, "uint8"],
      [int16, "int16"],
      [float32, "float32"],
    ] as const) {
      for (const gzip of [false, true]) {
        const bytes = writeNifti({ width, height, depth, data, spacing: [0.7, 0.7, 8] }, { gzip });
        expect(bytes[0] === 0x1f && bytes[1] === 0x8b).toBe(gzip);
        const back = readNifti(bytes);
        expect([back.width, back.height, back.depth]).toEqual([width, height, depth]);
        expect(back.datatype).toBe(datatype);
        expect(Array.from(back.data)).toEqual(Array.from(data));
        expect(back.spacing).toEqual([Math.fround(0.7), Math.fround(0.7), 8]);
      }
    }
  });

  it("writes a standard header: magic, units, qform and sform scaled by the spacing", () => {
    const bytes = writeNifti(
      { width, height, depth, data: new Float32Array(n), spacing: [1.5, 2, 10] },
      { description: "fusion run 12, P(myocardium)" },
    );
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getInt32(0, true)).toBe(348);
    expect(String.fromCharCode(...bytes.subarray(344, 348))).toBe("n+1\0");
    expect(view.getFloat32(108, true)).toBe(352);
    expect(bytes.length).toBe(352 + 4 * n);
    expect(bytes[123]).toBe(2); // millimetres
    expect([view.getInt16(252, true), view.getInt16(254, true)]).toEqual([1, 1]);
    const srow = Array.from({ length: 12 }, (_, i) => view.getFloat32(280 + 4 * i, true));
    expect(srow).toEqual([1.5, 0, 0, 0, 0, 2, 0, 0, 0, 0, 10, 0]);
    expect(readNifti(bytes).description).toBe("fusion run 12, P(myocardium)");
  });

  it("stores scl_slope so a uint8-quantized probability volume reads back as 0..1", () => {
    const quantized = Uint8Array.from(noise, (v) => Math.round(v * 255));
    const back = readNifti(
      writeNifti({ width, height, depth, data: quantized }, { sclSlope: 1 / 255, gzip: true }),
    );
    expect(back.data[0]).toBeCloseTo(quantized[0]! / 255, 6);
    expect(Math.max(...back.data)).toBeLessThanOrEqual(1);
    expect(back.datatype).toBe("uint8");
  });

  it("cuts a long description to the 79 characters the field holds", () => {
    const bytes = writeNifti(
      { width: 1, height: 1, depth: 1, data: new Uint8Array(1) },
      { description: "x".repeat(200) },
    );
    expect(readNifti(bytes).description).toBe("x".repeat(79));
    expect(bytes[148 + 79]).toBe(0);
  });

  it("refuses data that does not fill the volume, and bad sizes or spacing", () => {
    const cases: [() => unknown, string, RegExp][] = [
      [
        () => writeNifti({ width: 4, height: 4, depth: 2, data: new Uint8Array(30) }),
        "size_mismatch",
        /4×4×2 = 32 voxels but its data has 30 values/,
      ],
      [
        () => writeNifti({ width: 40000, height: 1, depth: 1, data: new Uint8Array(40000) }),
        "invalid_argument",
        /width must be a whole number in 1\.\.32767, got 40000/,
      ],
      [
        () =>
          writeNifti({
            width: 1,
            height: 1,
            depth: 1,
            data: new Uint8Array(1),
            spacing: [1, 0, 1],
          }),
        "invalid_argument",
        /spacing must be three positive numbers, got \[1, 0, 1\]/,
      ],
    ];
    for (const [fn, code, message] of cases) {
      expect(fn).toThrow(ImagingError);
      expect(fn).toThrow(message);
      try {
        fn();
      } catch (error) {
        expect((error as ImagingError).code).toBe(code);
      }
    }
  });

  it("exports an ACDC-shaped label volume that the reader and gunzip both accept", () => {
    const labels = Uint8Array.from({ length: 216 * 256 * 2 }, (_, i) => (i >> 9) % 4);
    const gz = writeNifti({ width: 216, height: 256, depth: 2, data: labels }, { gzip: true });
    expect(gunzipSync(gz).length).toBe(352 + labels.length);
    expect(readNiftiLabels(gz).data).toEqual(labels);
  });
});
