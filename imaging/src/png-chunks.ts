import { crc32 } from "node:zlib";
import { describeLeadingBytes } from "./describe-leading-bytes.ts";
import { ImagingError } from "./imaging-error.ts";

/** One PNG chunk: its four-letter type and its payload (a view into the original bytes). */
export interface PngChunk {
  type: string;
  data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Splits a PNG into its chunks, checking the signature, every length and CRC, and that the
 * stream starts with IHDR and ends with IEND. Done here rather than left to pngjs so that a bad
 * upload gets a message naming the chunk and offset, and so chunks can be rewritten.
 */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  if (bytes.length < SIGNATURE.length || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new ImagingError("not_an_image", `upload is not a PNG (${describeLeadingBytes(bytes)})`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let offset = SIGNATURE.length;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) {
      throw new ImagingError(
        "png_invalid",
        `PNG is truncated: ${bytes.length - offset} stray bytes at offset ${offset} where a chunk should start`,
      );
    }
    const length = view.getUint32(offset);
    const typeBytes = bytes.subarray(offset + 4, offset + 8);
    const type = String.fromCharCode(...typeBytes);
    const end = offset + 12 + length;
    if (end > bytes.length) {
      throw new ImagingError(
        "png_invalid",
        `PNG is truncated: chunk ${type} at offset ${offset} declares ${length} bytes, ` +
          `but only ${bytes.length - offset - 12} remain`,
      );
    }
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(data, crc32(typeBytes)) !== view.getUint32(offset + 8 + length)) {
      throw new ImagingError(
        "png_invalid",
        `PNG chunk ${type} at offset ${offset} fails its CRC check: the file is damaged`,
      );
    }
    if (chunks.length === 0 && type !== "IHDR") {
      throw new ImagingError("png_invalid", `PNG starts with chunk ${type} instead of IHDR`);
    }
    chunks.push({ type, data });
    offset = end;
    if (type === "IEND") return chunks;
  }
  throw new ImagingError("png_invalid", "PNG is truncated: it ends before its IEND chunk");
}

/** Serialises chunks back into a PNG file, recomputing each CRC. */
export function writePngChunks(chunks: readonly PngChunk[]): Uint8Array {
  const total = chunks.reduce((sum, c) => sum + 12 + c.data.length, SIGNATURE.length);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(SIGNATURE, 0);
  let offset = SIGNATURE.length;
  for (const chunk of chunks) {
    const typeBytes = Uint8Array.from(chunk.type, (c) => c.charCodeAt(0));
    view.setUint32(offset, chunk.data.length);
    out.set(typeBytes, offset + 4);
    out.set(chunk.data, offset + 8);
    view.setUint32(offset + 8 + chunk.data.length, crc32(chunk.data, crc32(typeBytes)));
    offset += 12 + chunk.data.length;
  }
  return out;
}
