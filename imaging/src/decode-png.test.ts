import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodePng } from "./decode-png.ts";
import { ImagingError } from "./imaging-error.ts";
import { buildPng } from "./test-support/build-png.ts";

const BU_BIL = path.resolve(import.meta.dirname, "../../../shared/data/bu-bil/BU-BIL_Dataset4");
const luma = (r: number, g: number, b: number, max: number) =>
  Math.fround((0.299 * r + 0.587 * g + 0.114 * b) / max);

function errorOf(fn: () => unknown): ImagingError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImagingError) return error;
    throw error;
  }
  throw new Error("expected an ImagingError");
}

describe("decodePng", () => {
  it("decodes 8-bit gray exactly to 0..1", () => {
    const samples = Array.from({ length: 256 }, (_, i) => i);
    const png = decodePng(buildPng({ width: 16, height: 16, bitDepth: 8, colorType: 0, samples }));
    expect([png.width, png.height, png.bitDepth, png.colorType, png.channels]).toEqual([
      16,
      16,
      8,
      "gray",
      1,
    ]);
    expect(Array.from(png.gray)).toEqual(samples.map((v) => Math.fround(v / 255)));
  });

  it("keeps the full precision of 16-bit gray (neighbouring values stay distinct)", () => {
    const samples = [0, 1, 255, 256, 257, 12345, 32768, 65534, 65535];
    const png = decodePng(buildPng({ width: 3, height: 3, bitDepth: 16, colorType: 0, samples }));
    expect(png.bitDepth).toBe(16);
    expect(Array.from(png.gray)).toEqual(samples.map((v) => Math.fround(v / 65535)));
    expect(new Set(png.gray).size).toBe(samples.length);
  });

  it("scales 1-, 2- and 4-bit gray by their own maximum", () => {
    for (const bitDepth of [1, 2, 4] as const) {
      const max = 2 ** bitDepth - 1;
      // Width 5 leaves unused bits at the end of each row, which must not leak into pixels.
      const samples = Array.from({ length: 15 }, (_, i) => (i * 7) % (max + 1));
      const png = decodePng(buildPng({ width: 5, height: 3, bitDepth, colorType: 0, samples }));
      expect(Array.from(png.gray)).toEqual(samples.map((v) => Math.fround(v / max)));
    }
  });

  it("reduces 8- and 16-bit RGB and RGBA to BT.601 luma, ignoring alpha", () => {
    const rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 200, 30];
    const png8 = decodePng(
      buildPng({ width: 2, height: 2, bitDepth: 8, colorType: 2, samples: rgb }),
    );
    expect(png8.colorType).toBe("rgb");
    expect(Array.from(png8.gray)).toEqual([
      luma(255, 0, 0, 255),
      luma(0, 255, 0, 255),
      luma(0, 0, 255, 255),
      luma(10, 200, 30, 255),
    ]);
    const rgb16 = rgb.map((v) => v * 257 + 1);
    const png16 = decodePng(
      buildPng({ width: 2, height: 2, bitDepth: 16, colorType: 2, samples: rgb16 }),
    );
    expect(png16.gray[3]).toBe(luma(10 * 257 + 1, 200 * 257 + 1, 30 * 257 + 1, 65535));

    const rgba = [255, 0, 0, 0, 0, 255, 0, 128, 0, 0, 255, 255, 10, 200, 30, 1];
    const pngA = decodePng(
      buildPng({ width: 2, height: 2, bitDepth: 8, colorType: 6, samples: rgba }),
    );
    expect([pngA.colorType, pngA.channels]).toEqual(["rgba", 4]);
    expect(Array.from(pngA.gray)).toEqual(Array.from(png8.gray));
  });

  it("reads gray+alpha by its gray channel", () => {
    const samples = [0, 255, 100, 0, 200, 7, 65, 65];
    const png8 = decodePng(buildPng({ width: 4, height: 1, bitDepth: 8, colorType: 4, samples }));
    expect([png8.colorType, png8.channels]).toEqual(["gray-alpha", 2]);
    expect(Array.from(png8.gray)).toEqual([0, 100, 200, 65].map((v) => Math.fround(v / 255)));
    const samples16 = [40000, 0, 1, 65535];
    const png16 = decodePng(
      buildPng({ width: 2, height: 1, bitDepth: 16, colorType: 4, samples: samples16 }),
    );
    expect(Array.from(png16.gray)).toEqual([Math.fround(40000 / 65535), Math.fround(1 / 65535)]);
  });

  it("looks palette pixels up in the palette", () => {
    const palette: [number, number, number][] = [
      [0, 0, 0],
      [255, 255, 255],
      [200, 40, 10],
    ];
    const png = decodePng(
      buildPng({ width: 3, height: 1, bitDepth: 2, colorType: 3, samples: [2, 0, 1], palette }),
    );
    expect([png.colorType, png.bitDepth, png.channels]).toEqual(["palette", 2, 1]);
    expect(Array.from(png.gray)).toEqual([luma(200, 40, 10, 255), 0, luma(255, 255, 255, 255)]);
  });

  it("keeps the gray value of pixels that tRNS marks transparent", () => {
    // pngjs zeroes such pixels; a slice must keep its intensities whatever its transparency.
    const samples = [10, 20, 30, 20];
    const png = decodePng(
      buildPng({ width: 4, height: 1, bitDepth: 8, colorType: 0, samples, trns: [0, 20] }),
    );
    expect(Array.from(png.gray)).toEqual(samples.map((v) => Math.fround(v / 255)));
  });

  it("ignores ancillary chunks it does not know", () => {
    const text = new TextEncoder().encode("Comment\0drawn by rater 7");
    const png = decodePng(
      buildPng({
        width: 2,
        height: 1,
        bitDepth: 8,
        colorType: 0,
        samples: [1, 2],
        extraChunks: [{ type: "tEXt", data: text }],
      }),
    );
    expect(Array.from(png.gray)).toEqual([1 / 255, 2 / 255].map(Math.fround));
  });

  it("says an upload is not a PNG, showing its first bytes", () => {
    const error = errorOf(() => decodePng(new TextEncoder().encode("<!DOCTYPE html><html>")));
    expect(error.code).toBe("not_an_image");
    expect(error.message).toBe(
      'upload is not a PNG (first bytes 3c 21 44 4f 43 54 59 50 … "<!DOCTYP")',
    );
    const jpeg = errorOf(() => decodePng(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])));
    expect(jpeg.code).toBe("not_an_image");
  });

  it("reports truncated and damaged PNGs", () => {
    const good = buildPng({
      width: 8,
      height: 8,
      bitDepth: 8,
      colorType: 0,
      samples: new Array(64).fill(3),
    });
    const truncated = errorOf(() => decodePng(good.subarray(0, good.length - 20)));
    expect(truncated.code).toBe("png_invalid");
    expect(truncated.message).toMatch(
      /truncated: chunk IDAT at offset 33 declares \d+ bytes, but only \d+ remain/,
    );

    const damaged = new Uint8Array(good);
    damaged[45]! ^= 0x01; // a byte inside the IDAT payload
    const crc = errorOf(() => decodePng(damaged));
    expect(crc.code).toBe("png_invalid");
    expect(crc.message).toMatch(/chunk IDAT at offset 33 fails its CRC check/);

    const noEnd = errorOf(() => decodePng(good.subarray(0, good.length - 12)));
    expect(noEnd.message).toMatch(/ends before its IEND chunk/);
  });

  it("refuses headers PNG does not allow and images over the pixel limit", () => {
    const bad = errorOf(() =>
      decodePng(buildPng({ width: 1, height: 1, bitDepth: 4, colorType: 2, samples: [1, 2, 3] })),
    );
    expect(bad.code).toBe("png_invalid");
    expect(bad.message).toMatch(/rgb at 4 bits, which PNG does not allow/);
    const big = errorOf(() =>
      decodePng(buildPng({ width: 10, height: 10, bitDepth: 8, colorType: 0, samples: [] }), {
        maxPixels: 99,
      }),
    );
    expect(big.code).toBe("image_too_large");
    expect(big.message).toMatch(/10×10 = 100 pixels, more than the limit of 99/);
  });

  it("decodes BU-BIL masks: a crowd worker's RGBA crop and the 1-bit full-field reference", () => {
    const workerBytes = readFileSync(
      path.join(BU_BIL, "CrowdsourcedAnnotations/mturk_annotation4-1/seg_000092.png"),
    );
    const ihdr = new DataView(workerBytes.buffer, workerBytes.byteOffset + 16, 10);
    const worker = decodePng(workerBytes);
    expect([worker.width, worker.height]).toEqual([ihdr.getUint32(0), ihdr.getUint32(4)]);
    expect([worker.colorType, worker.bitDepth]).toEqual(["rgba", 8]);
    expect(new Set(worker.gray)).toEqual(new Set([0, 1]));

    const gold = decodePng(readFileSync(path.join(BU_BIL, "GoldStandard/seg_000092.png")));
    expect([gold.width, gold.height, gold.colorType, gold.bitDepth]).toEqual([
      1300,
      1030,
      "gray",
      1,
    ]);

    // The worker's crop sits at (894, 341) in the full field (align_BU-BIL_Dataset4.json): the
    // two black (cell) regions must largely coincide, which only holds if both decode upright.
    const [cropX, cropY] = [894, 341];
    let both = 0;
    let inWorker = 0;
    let inGold = 0;
    for (let y = 0; y < worker.height; y++) {
      for (let x = 0; x < worker.width; x++) {
        const a = worker.gray[y * worker.width + x] === 0;
        const b = gold.gray[(y + cropY) * gold.width + x + cropX] === 0;
        if (a) inWorker++;
        if (b) inGold++;
        if (a && b) both++;
      }
    }
    expect(inGold).toBeGreaterThan(100);
    expect((2 * both) / (inWorker + inGold)).toBeGreaterThan(0.85);
  });
});
