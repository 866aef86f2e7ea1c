import { DEFAULT_MAX_PNG_PIXELS, type DecodePngOptions } from "./decode-png.ts";
import { ImagingError } from "./imaging-error.ts";
import { decodePngPixels } from "./png-pixels.ts";

/** A label map read from a PNG: one class index per pixel, row-major. */
export interface LabelPng {
  width: number;
  height: number;
  labels: Uint8Array;
}

/**
 * Reads a label map saved as PNG. The label of a pixel is its raw stored sample, not a
 * brightness: the palette index for palette images, the gray value for grayscale (so a 1-bit
 * mask gives 0/1 and an 8-bit one 0..255), and for RGB(A) files the common value when the
 * three channels are equal, as mask tools often save gray as colour. Real colours, and 16-bit
 * values above 255, are refused rather than guessed at. Mapping values to a study's classes
 * (e.g. 255 → background for a black-on-white mask) is the importer's decision.
 */
export function decodeLabelPng(bytes: Uint8Array, options: DecodePngOptions = {}): LabelPng {
  const { header, rgba } = decodePngPixels(bytes, {
    paletteAsIndex: true,
    maxPixels: options.maxPixels ?? DEFAULT_MAX_PNG_PIXELS,
  });
  const { width, height } = header;
  const pixels = width * height;
  const labels = new Uint8Array(pixels);
  const checkColour = header.colorType === "rgb" || header.colorType === "rgba";
  for (let p = 0, i = 0; p < pixels; p++, i += 4) {
    const value = rgba[i]!;
    if (checkColour && (rgba[i + 1] !== value || rgba[i + 2] !== value)) {
      throw new ImagingError(
        "png_unsupported",
        `label PNG has a colour pixel at (x ${p % width}, y ${Math.floor(p / width)}): ` +
          `rgb(${value}, ${rgba[i + 1]}, ${rgba[i + 2]}); a label PNG must be grayscale, ` +
          "palette-indexed, or RGB with equal channels",
      );
    }
    if (value > 255) {
      throw new ImagingError(
        "png_unsupported",
        `label PNG has value ${value} at (x ${p % width}, y ${Math.floor(p / width)}); ` +
          "labels must fit in 0..255",
      );
    }
    labels[p] = value;
  }
  return { width, height, labels };
}
