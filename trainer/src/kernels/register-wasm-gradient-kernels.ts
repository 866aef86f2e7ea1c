import "./standard-gradients.ts";
import {
  getKernel,
  type KernelConfig,
  registerGradient,
  registerKernel,
  unregisterKernel,
} from "@tensorflow/tfjs-core";
import { conv2dBackpropFilterConfig } from "./conv2d-backprop-filter.ts";
import { conv2dBackpropInputConfig } from "./conv2d-backprop-input.ts";
import { conv2dGradConfig } from "./conv2d-gradient.ts";

const WASM = "wasm";

/** The kernels this project adds to (or replaces in) the wasm backend, by kernel name. */
export function wasmGradientKernelConfigs(): KernelConfig[] {
  return [conv2dBackpropFilterConfig(WASM), conv2dBackpropInputConfig(WASM)];
}

let kernelsRegistered = false;

/**
 * Makes the wasm backend able to train the project's networks: registers the gradient
 * kernels it lacks, replaces the ones it has only as slow scalar loops, and installs the
 * dilation-aware Conv2D gradient (for every backend). Call before the first training step;
 * calling again is cheap and re-asserts the gradient override.
 */
export function registerWasmGradientKernels(): void {
  if (!kernelsRegistered) {
    for (const config of wasmGradientKernelConfigs()) {
      // The wasm backend's own version (if any) is replaced: tfjs keeps one kernel per name.
      if (getKernel(config.kernelName, config.backendName) != null) {
        unregisterKernel(config.kernelName, config.backendName);
      }
      registerKernel(config);
    }
    kernelsRegistered = true;
  }
  registerGradient(conv2dGradConfig);
}
