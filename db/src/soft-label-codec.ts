import { deflateSync, inflateSync } from "node:zlib";

/**
 * Soft labels are stored as class-major uint8 (round(p × 255)) and deflated: a 4-class 256×256
 * slice shrinks from 1 MiB of float32 to a few KiB, and 1/510 is far below any rater's precision.
 */
export function encodeSoftLabel(probabilities: Float32Array): Uint8Array {
  const quantized = new Uint8Array(probabilities.length);
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    quantized[i] = Math.round(Math.min(1, Math.max(0, p)) * 255);
  }
  return new Uint8Array(deflateSync(quantized));
}

export function decodeSoftLabel(
  bytes: Uint8Array,
  numClasses: number,
  pixels: number,
): Float32Array {
  const quantized = inflateSync(bytes);
  if (quantized.length !== numClasses * pixels) {
    throw new Error(
      `soft label holds ${quantized.length} values, expected ${numClasses} classes × ${pixels} pixels`,
    );
  }
  const probabilities = new Float32Array(quantized.length);
  for (let i = 0; i < quantized.length; i++) probabilities[i] = quantized[i]! / 255;
  return probabilities;
}
