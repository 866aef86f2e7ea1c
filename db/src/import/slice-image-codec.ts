/**
 * Slice intensities are stored as raw float32 in the platform's byte order, row-major, with no
 * header: the slice row already holds width and height, and readers copy the bytes straight into
 * a Float32Array. Every platform Node ships for is little-endian; a big-endian one is refused
 * rather than silently reading garbage.
 */
if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) {
  throw new Error("CrowdSeg stores float32 slice blobs little-endian and cannot run big-endian");
}

export function sliceImageBytes(image: Float32Array): Uint8Array {
  return new Uint8Array(image.buffer.slice(image.byteOffset, image.byteOffset + image.byteLength));
}

export function sliceImageFromBytes(
  bytes: Uint8Array,
  width: number,
  height: number,
): Float32Array {
  if (bytes.byteLength !== width * height * 4) {
    throw new Error(
      `slice image blob has ${bytes.byteLength} bytes, expected ${width * height * 4} for ${width}×${height} float32`,
    );
  }
  const image = new Float32Array(width * height);
  new Uint8Array(image.buffer).set(bytes);
  return image;
}
