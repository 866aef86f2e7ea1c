export {
  type BackendChoice,
  type BackendSelection,
  DEFAULT_BACKEND_ORDER,
  type SelectBackendOptions,
  selectBackend,
} from "./backend/select-backend.ts";
export {
  registerWasmGradientKernels,
  wasmGradientKernelConfigs,
} from "./kernels/register-wasm-gradient-kernels.ts";
export { createUNet, type UNetOptions } from "./models/unet.ts";
