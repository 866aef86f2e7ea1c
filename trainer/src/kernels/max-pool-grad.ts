import {
  backend_util,
  type KernelConfig,
  type KernelFunc,
  MaxPoolGrad,
  type MaxPoolGradAttrs,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { asWasmHeapBackend, float32View } from "./wasm-heap.ts";

const NAME = "MaxPoolGrad (heap)";

/**
 * Max-pool gradient: each window's dy goes to the first position holding the window's
 * maximum (row-major order, as tfjs's cpu kernel and TensorFlow do); padding never wins,
 * and a window of only NaN or -Infinity passes no gradient, as on cpu.
 *
 * One pass over the windows on the wasm heap. The wasm backend's own kernel recomputes
 * every window's maximum for every input position and took 38 ms on one of U-Net's
 * 128x128x16 poolings; this takes a few.
 */
export const maxPoolGradOnHeap: KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  if (dy.shape[1] !== info.outHeight || dy.shape[2] !== info.outWidth) {
    throw new Error(
      `${NAME}: dy is ${dy.shape} but pooling ${input.shape} gives ${info.outShape}.`,
    );
  }
  const heap = asWasmHeapBackend(backend, NAME);
  const out = heap.makeOutput(input.shape, "float32");
  const x = float32View(heap, input, NAME);
  const g = float32View(heap, dy, NAME);
  const dx = float32View(heap, out, NAME);
  dx.fill(0);
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const best = new Float32Array(c);
  const bestAt = new Int32Array(c);
  let dyAt = 0;
  for (let n = 0; n < batchSize; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const h0 = oh * strideHeight - info.padInfo.top;
      for (let ow = 0; ow < outWidth; ow++, dyAt += c) {
        const w0 = ow * strideWidth - info.padInfo.left;
        best.fill(Number.NEGATIVE_INFINITY);
        bestAt.fill(-1);
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
                bestAt[k] = base + k;
              }
            }
          }
        }
        for (let k = 0; k < c; k++) {
          const at = bestAt[k]!;
          if (at >= 0) dx[at] = dx[at]! + g[dyAt + k]!;
        }
      }
    }
  }
  return out;
};

export function maxPoolGradConfig(backendName: string): KernelConfig {
  return { kernelName: MaxPoolGrad, backendName, kernelFunc: maxPoolGradOnHeap };
}
