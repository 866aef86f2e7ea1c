import { eq } from "drizzle-orm";
import { slices } from "../schema/index.ts";
import type { Storage } from "../storage.ts";
import { sliceImageFromBytes } from "./slice-image-codec.ts";

export interface SliceImage {
  sliceId: number;
  width: number;
  height: number;
  window: { min: number; max: number };
  data: Float32Array;
}

/** The stored intensities of one slice, as imported (after NIfTI scaling). */
export async function readSliceImage(storage: Storage, sliceId: number): Promise<SliceImage> {
  const [slice] = await storage.db.select().from(slices).where(eq(slices.id, sliceId));
  if (!slice) throw new Error(`slice ${sliceId} does not exist`);
  const bytes = await storage.blobs.get(slice.imageKey);
  return {
    sliceId,
    width: slice.width,
    height: slice.height,
    window: slice.window,
    data: sliceImageFromBytes(bytes, slice.width, slice.height),
  };
}
