import { PNG } from "pngjs";
import { ImagingError } from "./imaging-error.ts";
import { type PngChunk, readPngChunks, writePngChunks } from "./png-chunks.ts";

export type PngColorType = "gray" | "gray-alpha" | "rgb" | "rgba" | "palette";

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: 1 | 2 | 4 | 8 | 16;
  colorType: PngColorType;
  /** Samples per pixel as stored: 1 for gray and for palette indices, up to 4 for RGBA. */
  channels: number;
}

export interface PngPixels {
  header: PngHeader;
  /**
   * Four samples per pixel (R, G, B, A; gray repeated in R, G, B) at the file's own bit depth:
   * 0..2^bitDepth−1, not rescaled to 8 bits. For palette images, the palette colour, or the
   * palette index in R, G and B when asked for with `paletteAsIndex`.
   */
  rgba: Uint8Array | Uint16Array;
}

export interface PngPixelOptions {
  paletteAsIndex: boolean;
  maxPixels: number;
}

const COLOR_TYPES: ReadonlyMap<number, { name: PngColorType; channels: number; depths: number[] }> =
  new Map([
    [0, { name: "gray", channels: 1, depths: [1, 2, 4, 8, 16] }],
    [2, { name: "rgb", channels: 3, depths: [8, 16] }],
    [3, { name: "palette", channels: 1, depths: [1, 2, 4, 8] }],
    [4, { name: "gray-alpha", channels: 2, depths: [8, 16] }],
    [6, { name: "rgba", channels: 4, depths: [8, 16] }],
  ]);

/**
 * Decodes a PNG to full-precision samples with pngjs, around two pngjs behaviours that would
 * lose information: it rescales 16-bit and sub-byte samples to 8 bits unless told
 * `skipRescale`, and it zeroes the colour of pixels matching a tRNS transparent colour. Alpha is
 * never used here, so tRNS is dropped; palette indices are recovered by swapping in a PLTE whose
 * entry i is (i, i, i), which stays exact even when two palette entries share a colour.
 */
export function decodePngPixels(bytes: Uint8Array, options: PngPixelOptions): PngPixels {
  const chunks = readPngChunks(bytes);
  const header = parseHeader(chunks[0]!);
  const pixels = header.width * header.height;
  if (pixels > options.maxPixels) {
    throw new ImagingError(
      "image_too_large",
      `PNG is ${header.width}×${header.height} = ${pixels} pixels, more than the limit of ${options.maxPixels}`,
    );
  }
  const kept = chunks
    .filter((c) => c.type !== "tRNS")
    .map((c) =>
      c.type === "PLTE" && options.paletteAsIndex ? { type: c.type, data: indexPalette(c) } : c,
    );
  const rebuilt = writePngChunks(kept);
  let decoded: { data: Uint8Array | Uint16Array };
  try {
    decoded = PNG.sync.read(Buffer.from(rebuilt.buffer, rebuilt.byteOffset, rebuilt.byteLength), {
      skipRescale: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImagingError("png_invalid", `PNG could not be decoded: ${reason}`);
  }
  if (decoded.data.length !== pixels * 4) {
    throw new ImagingError(
      "png_invalid",
      `PNG decoded to ${decoded.data.length / 4} pixels, but its header says ${header.width}×${header.height}`,
    );
  }
  return { header, rgba: decoded.data };
}

function parseHeader(ihdr: PngChunk): PngHeader {
  if (ihdr.data.length !== 13) {
    throw new ImagingError("png_invalid", `PNG IHDR chunk has ${ihdr.data.length} bytes, not 13`);
  }
  const view = new DataView(ihdr.data.buffer, ihdr.data.byteOffset, ihdr.data.byteLength);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const bitDepth = view.getUint8(8);
  const colorTypeCode = view.getUint8(9);
  if (width === 0 || height === 0) {
    throw new ImagingError("png_invalid", `PNG header says ${width}×${height}; both must be ≥ 1`);
  }
  const colorType = COLOR_TYPES.get(colorTypeCode);
  if (colorType === undefined) {
    throw new ImagingError("png_invalid", `PNG header has unknown colour type ${colorTypeCode}`);
  }
  if (!colorType.depths.includes(bitDepth)) {
    throw new ImagingError(
      "png_invalid",
      `PNG header says ${colorType.name} at ${bitDepth} bits, which PNG does not allow ` +
        `(allowed: ${colorType.depths.join(", ")})`,
    );
  }
  return {
    width,
    height,
    bitDepth: bitDepth as PngHeader["bitDepth"],
    colorType: colorType.name,
    channels: colorType.channels,
  };
}

function indexPalette(plte: PngChunk): Uint8Array {
  const entries = Math.floor(plte.data.length / 3);
  const data = new Uint8Array(entries * 3);
  for (let i = 0; i < entries; i++) data.fill(i, 3 * i, 3 * i + 3);
  return data;
}
