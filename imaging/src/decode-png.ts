import { decodePngPixels, type PngHeader } from "./png-pixels.ts";

/** A PNG reduced to what a slice needs: its luminance in 0..1, row-major. */
export interface DecodedPng extends PngHeader {
  gray: Float32Array;
}

export interface DecodePngOptions {
  /** Refuse images with more pixels than this, before decompressing them. */
  maxPixels?: number;
}

export const DEFAULT_MAX_PNG_PIXELS = 2 ** 26;

// ITU-R BT.601 luma weights.
const LUMA_R = 0.299;
const LUMA_G = 0.587;
const LUMA_B = 0.114;

/**
 * Decodes any PNG (1- to 16-bit; gray, gray+alpha, RGB, RGBA, palette) to luminance scaled to
 * 0..1 by the file's own maximum sample value, so 16-bit images keep their full precision.
 * Alpha is ignored: a slice is an intensity image, not a composited picture.
 */
export function decodePng(bytes: Uint8Array, options: DecodePngOptions = {}): DecodedPng {
  const { header, rgba } = decodePngPixels(bytes, {
    paletteAsIndex: false,
    maxPixels: options.maxPixels ?? DEFAULT_MAX_PNG_PIXELS,
  });
  // Palette entries are always 8-bit colours, whatever the index depth.
  const maxSample = header.colorType === "palette" ? 255 : 2 ** header.bitDepth - 1;
  const pixels = header.width * header.height;
  const gray = new Float32Array(pixels);
  const isColour =
    header.colorType === "rgb" || header.colorType === "rgba" || header.colorType === "palette";
  if (isColour) {
    for (let p = 0, i = 0; p < pixels; p++, i += 4) {
      gray[p] = (LUMA_R * rgba[i]! + LUMA_G * rgba[i + 1]! + LUMA_B * rgba[i + 2]!) / maxSample;
    }
  } else {
    for (let p = 0, i = 0; p < pixels; p++, i += 4) gray[p] = rgba[i]! / maxSample;
  }
  return { ...header, gray };
}
