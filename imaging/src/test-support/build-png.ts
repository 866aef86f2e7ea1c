import { crc32, deflateSync } from "node:zlib";

/**
 * Test support: assembles PNG files byte by byte (unfiltered rows, one IDAT), independently of
 * pngjs and of this package's chunk code, so decoding is checked against known samples.
 */
export interface PngFixture {
  width: number;
  height: number;
  bitDepth: 1 | 2 | 4 | 8 | 16;
  /** 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA. */
  colorType: 0 | 2 | 3 | 4 | 6;
  /** Row-major, every channel of every pixel, at the stored bit depth. */
  samples: ArrayLike<number>;
  palette?: [number, number, number][];
  trns?: number[];
  /** Extra chunks appended just before IEND, e.g. to test that unknown chunks are ignored. */
  extraChunks?: { type: string; data: Uint8Array }[];
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function buildPng(fixture: PngFixture): Uint8Array {
  const channels = CHANNELS[fixture.colorType]!;
  const bitsPerRow = fixture.width * channels * fixture.bitDepth;
  const rowBytes = Math.ceil(bitsPerRow / 8);
  const raw = new Uint8Array((rowBytes + 1) * fixture.height);
  for (let y = 0; y < fixture.height; y++) {
    const rowStart = y * (rowBytes + 1) + 1; // byte 0 of each row is filter type 0 (none)
    for (let s = 0; s < fixture.width * channels; s++) {
      const value = fixture.samples[y * fixture.width * channels + s]!;
      if (fixture.bitDepth === 16) {
        raw[rowStart + 2 * s] = value >> 8;
        raw[rowStart + 2 * s + 1] = value & 0xff;
      } else if (fixture.bitDepth === 8) {
        raw[rowStart + s] = value;
      } else {
        const bit = s * fixture.bitDepth;
        const shift = 8 - fixture.bitDepth - (bit % 8);
        raw[rowStart + (bit >> 3)]! |= value << shift;
      }
    }
  }
  const ihdr = new Uint8Array(13);
  const ihdrView = new DataView(ihdr.buffer);
  ihdrView.setUint32(0, fixture.width);
  ihdrView.setUint32(4, fixture.height);
  ihdr[8] = fixture.bitDepth;
  ihdr[9] = fixture.colorType;
  const chunks: { type: string; data: Uint8Array }[] = [{ type: "IHDR", data: ihdr }];
  if (fixture.palette) chunks.push({ type: "PLTE", data: Uint8Array.from(fixture.palette.flat()) });
  if (fixture.trns) chunks.push({ type: "tRNS", data: Uint8Array.from(fixture.trns) });
  chunks.push({ type: "IDAT", data: new Uint8Array(deflateSync(raw)) });
  chunks.push(...(fixture.extraChunks ?? []));
  chunks.push({ type: "IEND", data: new Uint8Array(0) });

  const parts: number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  for (const chunk of chunks) {
    const typeBytes = Uint8Array.from(chunk.type, (c) => c.charCodeAt(0));
    const length = chunk.data.length;
    parts.push(length >>> 24, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff);
    for (const b of typeBytes) parts.push(b);
    for (const b of chunk.data) parts.push(b);
    const crc = crc32(chunk.data, crc32(typeBytes));
    parts.push(crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff);
  }
  return Uint8Array.from(parts);
}
