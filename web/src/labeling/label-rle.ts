/** The RLE the API takes: see @crowdseg/imaging's LabelRle (row-major `[class, run, …]`). */
export interface LabelRle {
  width: number;
  height: number;
  counts: number[];
}

/**
 * The same encoding as @crowdseg/imaging's encodeRle (a test holds them equal). That package
 * cannot go into the browser bundle: its index pulls in PNG and NIfTI code built on Node's zlib.
 */
export function encodeLabelRle(labels: Uint8Array, width: number, height: number): LabelRle {
  if (labels.length !== width * height || labels.length === 0) {
    throw new Error(
      `a ${width}×${height} label map needs ${width * height} labels, got ${labels.length}`,
    );
  }
  const counts: number[] = [];
  let runClass = labels[0]!;
  let runStart = 0;
  for (let i = 1; i < labels.length; i++) {
    const value = labels[i]!;
    if (value !== runClass) {
      counts.push(runClass, i - runStart);
      runClass = value;
      runStart = i;
    }
  }
  counts.push(runClass, labels.length - runStart);
  return { width, height, counts };
}

/** Expands an RLE map the server sent (e.g. another rater's mask in the overlay viewer). */
export function decodeLabelRle(rle: LabelRle): Uint8Array {
  const labels = new Uint8Array(rle.width * rle.height);
  let offset = 0;
  for (let k = 0; k + 1 < rle.counts.length; k += 2) {
    const length = rle.counts[k + 1]!;
    labels.fill(rle.counts[k]!, offset, Math.min(labels.length, offset + length));
    offset += length;
  }
  return labels;
}
