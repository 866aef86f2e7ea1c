import type { DataType, TensorInfo } from "@tensorflow/tfjs-core";

/**
 * The part of tfjs-backend-wasm's BackendWasm that kernels written in TypeScript need:
 * tensors live in the wasm module's heap, and a typed-array view over that heap lets a
 * kernel read and write them without copying.
 */
export interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

export function asWasmHeapBackend(backend: unknown, kernelName: string): WasmHeapBackend {
  const b = backend as Partial<WasmHeapBackend> | null;
  if (typeof b?.makeOutput !== "function" || typeof b.typedArrayFromHeap !== "function") {
    throw new Error(`${kernelName}: this kernel runs on the wasm backend's heap only.`);
  }
  return b as WasmHeapBackend;
}

/**
 * A float32 view of `t` in the heap. Allocating (makeOutput) can grow the heap and detach
 * earlier views, so take views only after every output of the kernel is allocated.
 */
export function float32View(
  backend: WasmHeapBackend,
  t: TensorInfo,
  kernelName: string,
): Float32Array {
  if (t.dtype !== "float32") {
    throw new Error(`${kernelName}: expected a float32 tensor, got ${t.dtype}.`);
  }
  return backend.typedArrayFromHeap(t) as Float32Array;
}
