/** An 8-bit gray slice as the labeling page shows it (the task PNG's first channel). */
export interface GrayImage {
  width: number;
  height: number;
  gray: Uint8Array;
}

/** Decodes a PNG blob to gray values; the server sends gray PNGs, so red is the gray value. */
export async function decodeGrayImage(blob: Blob): Promise<GrayImage> {
  const bitmap = await createImageBitmap(blob, {
    colorSpaceConversion: "none",
    premultiplyAlpha: "none",
  });
  const { width, height } = bitmap;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const rgba = context.getImageData(0, 0, width, height).data;
  const gray = new Uint8Array(width * height);
  for (let i = 0; i < gray.length; i++) gray[i] = rgba[i * 4]!;
  return { width, height, gray };
}
