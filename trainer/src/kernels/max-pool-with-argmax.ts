import {
  backend_util,
  type KernelConfig,
  type KernelFunc,
  MaxPoolWithArgmax,
  type MaxPoolWithArgmaxAttrs,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { poolWindowArgmax } from "./pool-window-argmax.ts";
import { asWasmHeapBackend, float32View } from "./wasm-heap.ts";

const NAME = "MaxPoolWithArgmax (heap)";

/**
 * Max pooling that also returns where each maximum came from (ENet unpools with it).
 * Replaces the wasm backend's kernel, which starts each window's maximum at FLT_MIN, the
 * smallest positive float, so any window of negative values pools to 1.2e-38 at index 0.
 */
export const maxPoolWithArgmaxOnHeap: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x } = inputs as { x: TensorInfo };
  const { filterSize, strides, pad, includeBatchInIndex } =
    attrs as unknown as MaxPoolWithArgmaxAttrs;
  if (x.shape.length !== 4) throw new Error(`${NAME}: x must be rank 4, got shape ${x.shape}.`);
  const info = backend_util.computePool2DInfo(
    x.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
  );
  const heap = asWasmHeapBackend(backend, NAME);
  const pooled = heap.makeOutput(info.outShape, "float32");
  const indexes = heap.makeOutput(info.outShape, "int32");
  const values = float32View(heap, x, NAME);
  const argmax = poolWindowArgmax(values, info);
  const out = float32View(heap, pooled, NAME);
  const where = heap.typedArrayFromHeap(indexes) as Int32Array;
  const perImage = info.inHeight * info.inWidth * info.inChannels;
  const perOutputImage = info.outHeight * info.outWidth * info.inChannels;
  for (let i = 0; i < argmax.length; i++) {
    const at = argmax[i]!;
    // A window of only NaN/-Infinity: pool to -Infinity, point at nothing.
    out[i] = at >= 0 ? values[at]! : Number.NEGATIVE_INFINITY;
    const image = Math.floor(i / perOutputImage);
    where[i] = at < 0 ? -1 : includeBatchInIndex ? at : at - image * perImage;
  }
  return [pooled, indexes];
};

export function maxPoolWithArgmaxConfig(backendName: string): KernelConfig {
  return { kernelName: MaxPoolWithArgmax, backendName, kernelFunc: maxPoolWithArgmaxOnHeap };
}
