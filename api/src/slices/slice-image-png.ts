import { readSliceImage, type Storage } from "@crowdseg/db";
import { encodePng8, windowToUint8 } from "@crowdseg/imaging";

/** A slice as an 8-bit grey PNG, windowed with its stored window so it looks the same every time. */
export async function sliceImagePng(storage: Storage, sliceId: number): Promise<Uint8Array> {
  const image = await readSliceImage(storage, sliceId);
  return encodePng8(windowToUint8(image.data, image.window), image.width, image.height);
}
