export {
  registerWasmGradientKernels,
  wasmGradientKernelConfigs,
} from "./kernels/register-wasm-gradient-kernels.ts";
