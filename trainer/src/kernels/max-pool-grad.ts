import {
  backend_util,
  type KernelConfig,
  type KernelFunc,
  MaxPoolGrad,
  type MaxPoolGradAttrs,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { poolWindowArgmax } from "./pool-window-argmax.ts";
import { asWasmHeapBackend, float32View } from "./wasm-heap.ts";

const NAME = "MaxPoolGrad (heap)";

/**
 * Max-pool gradient: each window's dy goes to the position of the window's maximum
 * (poolWindowArgmax). One pass over the windows on the wasm heap; the wasm backend's own
 * kernel recomputes every window's maximum for every input position and took 38 ms on
 * one of U-Net's 128x128x16 poolings.
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
  const argmax = poolWindowArgmax(float32View(heap, input, NAME), info);
  const g = float32View(heap, dy, NAME);
  const dx = float32View(heap, out, NAME);
  dx.fill(0);
  for (let i = 0; i < argmax.length; i++) {
    const at = argmax[i]!;
    if (at >= 0) dx[at] = dx[at]! + g[i]!;
  }
  return out;
};

export function maxPoolGradConfig(backendName: string): KernelConfig {
  return { kernelName: MaxPoolGrad, backendName, kernelFunc: maxPoolGradOnHeap };
}
