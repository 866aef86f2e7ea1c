import type { TensorInfo } from "@tensorflow/tfjs-core";
import { float32View, type WasmHeapBackend } from "./wasm-heap.ts";

/**
 * The filter [KH,KW,Ci,Co] turned 180 degrees in space with in/out channels swapped,
 * [KH,KW,Co,Ci]: convolving dy with it gives the input gradient.
 *
 * One pass over the heap: the wasm backend's generic Reverse kernel took ~10 ms for a
 * 3x3x256x256 filter, as long as the convolution that uses the result.
 */
export function rotateFilter(backend: WasmHeapBackend, filter: TensorInfo): TensorInfo {
  const [kh, kw, ci, co] = filter.shape as [number, number, number, number];
  const out = backend.makeOutput([kh, kw, co, ci], "float32");
  const src = float32View(backend, filter, "rotateFilter");
  const dst = float32View(backend, out, "rotateFilter");
  const taps = kh * kw;
  const tapSize = ci * co;
  for (let tap = 0; tap < taps; tap++) {
    const from = tap * tapSize;
    const to = (taps - 1 - tap) * tapSize;
    for (let i = 0; i < ci; i++) {
      const row = from + i * co;
      for (let o = 0; o < co; o++) dst[to + o * ci + i] = src[row + o]!;
    }
  }
  return out;
}
