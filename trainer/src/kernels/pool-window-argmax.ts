import type { backend_util } from "@tensorflow/tfjs-core";

/**
 * For every output element of a 2D max pooling (NHWC, row-major output order), the flat
 * NHWC index of its window's maximum in `x`: the first one in row-major window order,
 * as tfjs's cpu kernel and TensorFlow choose, ignoring padding. A window holding only
 * NaN or -Infinity gets -1. Shared by MaxPoolGrad and MaxPoolWithArgmax so that the two
 * can never disagree about which input a pooled value came from.
 */
export function poolWindowArgmax(x: Float32Array, info: backend_util.Conv2DInfo): Int32Array {
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const out = new Int32Array(batchSize * outHeight * outWidth * c);
  const best = new Float32Array(c);
  let at = 0;
  for (let n = 0; n < batchSize; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const h0 = oh * strideHeight - info.padInfo.top;
      for (let ow = 0; ow < outWidth; ow++, at += c) {
        const w0 = ow * strideWidth - info.padInfo.left;
        best.fill(Number.NEGATIVE_INFINITY);
        out.fill(-1, at, at + c);
        for (let fh = 0; fh < filterHeight; fh++) {
          const ih = h0 + fh;
          if (ih < 0 || ih >= inHeight) continue;
          for (let fw = 0; fw < filterWidth; fw++) {
            const iw = w0 + fw;
            if (iw < 0 || iw >= inWidth) continue;
            const base = ((n * inHeight + ih) * inWidth + iw) * c;
            for (let k = 0; k < c; k++) {
              const v = x[base + k]!;
              if (v > best[k]!) {
                best[k] = v;
                out[at + k] = base + k;
              }
            }
          }
        }
      }
    }
  }
  return out;
}
