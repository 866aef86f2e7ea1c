import { PNG } from "pngjs";
import { ImagingError } from "./imaging-error.ts";

/** Encodes an 8-bit grayscale image (row-major), e.g. a windowed slice for the labeling page. */
export function encodePng8(gray: Uint8Array, width: number, height: number): Uint8Array {
  checkSize(gray.length, width, height, 1);
  return encode(gray, width, height, 0);
}

/** Encodes an 8-bit RGBA image (row-major, 4 bytes a pixel), e.g. a label overlay. */
export function encodeRgbaPng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  checkSize(rgba.length, width, height, 4);
  return encode(rgba, width, height, 6);
}

function encode(samples: Uint8Array, width: number, height: number, colorType: 0 | 6): Uint8Array {
  const png = new PNG();
  png.width = width;
  png.height = height;
  png.data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const out = PNG.sync.write(png, {
    colorType,
    inputColorType: colorType,
    inputHasAlpha: colorType === 6,
    bitDepth: 8,
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

function checkSize(length: number, width: number, height: number, channels: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new ImagingError(
      "invalid_argument",
      `PNG size must be whole numbers ≥ 1, got ${width}×${height}`,
    );
  }
  if (length !== width * height * channels) {
    throw new ImagingError(
      "size_mismatch",
      `a ${width}×${height} image needs ${width * height * channels} bytes ` +
        `(${channels} per pixel), got ${length}`,
    );
  }
}
