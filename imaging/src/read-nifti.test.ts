import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ImagingError } from "./imaging-error.ts";
import { readNifti } from "./read-nifti.ts";
import { readNiftiLabels } from "./read-nifti-labels.ts";
import { buildNifti } from "./test-support/build-nifti.ts";

const ACDC = path.resolve(import.meta.dirname, "../../../shared/data/acdc");
const acdc = (name: string): Uint8Array => readFileSync(path.join(ACDC, `${name}.nii.gz`));

/** The header and raw voxels read with nothing but gunzip and a DataView, as a second opinion. */
function rawHeader(gz: Uint8Array) {
  const file = gunzipSync(gz);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  return {
    file,
    view,
    dim: [1, 2, 3].map((i) => view.getInt16(40 + 2 * i, true)),
    datatype: view.getInt16(70, true),
    slope: view.getFloat32(112, true),
    voxOffset: view.getFloat32(108, true),
  };
}

function expectImagingError(fn: () => unknown, code: string, messagePart: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImagingError);
  expect((caught as ImagingError).code).toBe(code);
  expect((caught as ImagingError).message).toMatch(messagePart);
}

describe("readNifti on ACDC volumes", () => {
  // Three in-plane sizes seen in the data set; the most common one, a large one, a small wide one.
  const cases = [
    { name: "patient001_frame01", size: [216, 256, 10] },
    { name: "patient057_frame01", size: [428, 512, 8] },
    { name: "patient082_frame01", size: [224, 154, 16] },
  ];

  for (const { name, size } of cases) {
    it(`reads ${name} (${size.join("×")}) consistently with its header and its labels`, () => {
      const bytes = acdc(name);
      const raw = rawHeader(bytes);
      expect(raw.dim).toEqual(size);
      expect(raw.datatype).toBe(4); // int16, scaled to 0..1 by scl_slope 1/4095

      const volume = readNifti(bytes);
      expect([volume.width, volume.height, volume.depth]).toEqual(size);
      expect(volume.datatype).toBe("int16");
      expect(volume.sclSlope).toBeCloseTo(1 / 4095, 10);
      expect(volume.data.length).toBe(size[0]! * size[1]! * size[2]!);

      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const v of volume.data) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      expect(min).toBeGreaterThanOrEqual(0);
      expect(max).toBeLessThanOrEqual(1);
      expect(max).toBeGreaterThan(0.3); // an image, not a blank volume

      // Voxel order: compare scattered voxels with the raw int16 at x + w·(y + h·z).
      const [w, h] = size as [number, number, number];
      for (const [x, y, z] of [
        [0, 0, 0],
        [w - 1, 0, 0],
        [Math.floor(w / 2), Math.floor(h / 2), 1],
        [w - 1, h - 1, size[2]! - 1],
        [17, h - 3, 2],
      ] as const) {
        const index = x + w * (y + h * z);
        const stored = raw.view.getInt16(raw.voxOffset + 2 * index, true);
        expect(volume.data[index]).toBe(Math.fround(stored * raw.slope));
      }

      const labels = readNiftiLabels(acdc(`${name}_gt`));
      expect([labels.width, labels.height, labels.depth]).toEqual(size);
      expect(labels.datatype).toBe("uint8");
      expect([...new Set(labels.data)].sort()).toEqual([0, 1, 2, 3]);
      expect(labels.spacing).toEqual([1, 1, 1]);
    });
  }
});

describe("readNifti datatypes and byte order", () => {
  const values = [0, 1, 2, 100, 127, 5, 3, 42];
  const cases: [string, number, number[]][] = [
    ["uint8", 2, [0, 1, 200, 255, 7, 9, 3, 42]],
    ["int8", 256, [-128, -1, 0, 127, 5, 3, 2, 1]],
    ["int16", 4, [-32768, -300, 0, 32767, 1, 2, 3, 4]],
    ["uint16", 512, [0, 65535, 40000, 1, 2, 3, 4, 5]],
    ["int32", 8, [-2147483648, 2147483647, 0, 16777216, 1, 2, 3, 4]],
    ["float32", 16, [-1.5, 0.25, 1e-3, 3.5e10, 0, 1, 2, 3]],
    ["float64", 64, [-1.5, 0.25, 1e-3, 3.5e10, 0, 1, 2, 3]],
  ];
  for (const [name, code, data] of cases) {
    for (const littleEndian of [true, false]) {
      it(`reads ${name} ${littleEndian ? "little" : "big"}-endian`, () => {
        const bytes = buildNifti({ dim: [3, 2, 2, 2], datatype: code, values: data, littleEndian });
        const volume = readNifti(bytes);
        expect(volume.datatype).toBe(name);
        expect(Array.from(volume.data)).toEqual(data.map((v) => Math.fround(v)));
      });
    }
  }

  it("applies scl_slope and scl_inter, and treats slope 0 as no scaling", () => {
    const scaled = readNifti(
      buildNifti({ dim: [3, 2, 2, 2], datatype: 4, values, sclSlope: 0.5, sclInter: -10 }),
    );
    expect(Array.from(scaled.data)).toEqual(values.map((v) => v * 0.5 - 10));
    expect([scaled.sclSlope, scaled.sclInter]).toEqual([0.5, -10]);
    const unscaled = readNifti(
      buildNifti({ dim: [3, 2, 2, 2], datatype: 4, values, sclSlope: 0, sclInter: 7 }),
    );
    expect(Array.from(unscaled.data)).toEqual(values);
    expect([unscaled.sclSlope, unscaled.sclInter]).toEqual([1, 0]);
  });

  it("reads 2-D images, single-frame 4-D volumes, spacing and description", () => {
    const flat = readNifti(buildNifti({ dim: [2, 4, 2], datatype: 2, values }));
    expect([flat.width, flat.height, flat.depth]).toEqual([4, 2, 1]);
    const fourD = readNifti(
      buildNifti({
        dim: [4, 2, 2, 2, 1],
        datatype: 2,
        values,
        pixdim: [1.25, -0.8, 0],
        description: "short axis ED",
      }),
    );
    expect([fourD.width, fourD.height, fourD.depth]).toEqual([2, 2, 2]);
    // Negative pixdim is a flip, not a size; 0 is "unknown" and reads as 1.
    expect(fourD.spacing).toEqual([1.25, Math.fround(0.8), 1]);
    expect(fourD.description).toBe("short axis ED");
  });
});

describe("readNifti rejections", () => {
  const small = () => buildNifti({ dim: [3, 4, 3, 2], datatype: 4, values: new Array(24).fill(9) });

  it("refuses a truncated .nii.gz, saying how much is missing", () => {
    const gz = acdc("patient001_frame01");
    expectImagingError(
      () => readNifti(gz.subarray(0, 20_000)),
      "nifti_truncated",
      /216×256×10 int16 voxels \(1105920 bytes\) from offset 352, but the decompressed file has only \d+ bytes \(the gzip stream is cut off/,
    );
    // Only the gzip trailer missing: every voxel is there, but the upload is still incomplete.
    expectImagingError(
      () => readNifti(gz.subarray(0, gz.length - 4)),
      "nifti_truncated",
      /cut off/,
    );
    expectImagingError(() => readNifti(gz.subarray(0, 30)), "nifti_truncated", /cut off/);
  });

  it("refuses a .nii whose header claims more voxels than the file holds", () => {
    const file = new Uint8Array(gunzipSync(acdc("patient001_frame01")));
    new DataView(file.buffer).setInt16(42, 400, true); // dim[1]: 216 → 400
    expectImagingError(
      () => readNifti(file),
      "nifti_truncated",
      /400×256×10 int16 voxels \(2048000 bytes\) from offset 352, but the file has only 1106272 bytes/,
    );
    expectImagingError(
      () => readNifti(gzipSync(file)),
      "nifti_truncated",
      /but the decompressed file has only 1106272 bytes$/,
    );
  });

  it("refuses a wrong magic, and explains the two-file ni1 form", () => {
    expectImagingError(
      () => readNifti(buildNifti({ dim: [3, 1, 1, 1], datatype: 2, values: [1], magic: "abc\0" })),
      "nifti_bad_header",
      /magic is "abc\\u0000" instead of "n\+1\\0"/,
    );
    expectImagingError(
      () => readNifti(buildNifti({ dim: [3, 1, 1, 1], datatype: 2, values: [1], magic: "ni1\0" })),
      "nifti_bad_header",
      /separate \.img/,
    );
  });

  it("names unsupported datatypes", () => {
    expectImagingError(
      () => readNifti(buildNifti({ dim: [3, 1, 1, 1], datatype: 128, values: [1] })),
      "nifti_unsupported_datatype",
      /RGB24 is not supported; use one of uint8, int8, int16/,
    );
  });

  it("refuses bytes that are not NIfTI, showing what they were", () => {
    const text = new TextEncoder().encode("patient,frame,ef\n001,01,0.55\n");
    expectImagingError(() => readNifti(text), "not_an_image", /not a NIfTI-1 file.*"patient,"/);
    expectImagingError(
      () => readNifti(gzipSync(text)),
      "not_an_image",
      /gzip data that is not NIfTI-1/,
    );
    expectImagingError(() => readNifti(new Uint8Array(0)), "not_an_image", /empty/);
  });

  it("refuses a gzip stream with damaged data", () => {
    const gz = new Uint8Array(acdc("patient001_frame01"));
    gz[gz.length - 8]! ^= 0xff; // inside the CRC32 trailer
    expectImagingError(
      () => readNifti(gz),
      "nifti_corrupt",
      /not a valid gzip stream: incorrect data check/,
    );
  });

  it("refuses absurd sizes before allocating", () => {
    const huge = small();
    const view = new DataView(huge.buffer);
    for (const axis of [1, 2, 3]) view.setInt16(40 + 2 * axis, 32767, true);
    expectImagingError(
      () => readNifti(huge),
      "image_too_large",
      /32767×32767×32767 = 35181150961663 voxels/,
    );
    expectImagingError(
      () => readNifti(small(), { maxVoxels: 10 }),
      "image_too_large",
      /24 voxels, more than the limit of 10/,
    );
  });

  it("refuses bad dimensions, multi-frame 4-D volumes, NIfTI-2 and bad offsets", () => {
    const withDims = (dim: number[]) => buildNifti({ dim, datatype: 2, values: [1, 2, 3, 4] });
    expectImagingError(() => readNifti(withDims([1, 4])), "nifti_bad_header", /dim\[0\] = 1/);
    expectImagingError(
      () => readNifti(withDims([5, 1, 1, 1, 1, 4])),
      "nifti_bad_header",
      /dim\[0\] = 5/,
    );
    expectImagingError(() => readNifti(withDims([3, 2, 0, 2])), "nifti_bad_header", /dim\[2\] = 0/);
    expectImagingError(() => readNifti(withDims([4, 1, 1, 1, 4])), "nifti_bad_header", /4 frames/);
    const nifti2 = withDims([3, 2, 2, 1]);
    new DataView(nifti2.buffer).setInt32(0, 540, true);
    expectImagingError(() => readNifti(nifti2), "nifti_bad_header", /NIfTI-2/);
    expectImagingError(
      () => readNifti(buildNifti({ dim: [3, 1, 1, 1], datatype: 2, values: [1], voxOffset: 100 })),
      "nifti_bad_header",
      /vox_offset 100/,
    );
    expectImagingError(
      () => readNifti(withDims([3, 2, 2, 1]).subarray(0, 200)),
      "nifti_truncated",
      /only 200 bytes/,
    );
  });
});
