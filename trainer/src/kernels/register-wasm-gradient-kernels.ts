import "./standard-gradients.ts";
// Registers the wasm backend and its kernels, some of which are wrapped below.
import "@tensorflow/tfjs-backend-wasm";
import {
  Concat,
  getKernel,
  Identity,
  type KernelConfig,
  registerGradient,
  registerKernel,
  SplitV,
  Sum,
  unregisterKernel,
} from "@tensorflow/tfjs-core";
import { concatRunsConfig } from "./concat-runs.ts";
import { conv2dBackpropFilterConfig } from "./conv2d-backprop-filter.ts";
import { conv2dBackpropInputConfig } from "./conv2d-backprop-input.ts";
import { conv2dGradConfig } from "./conv2d-gradient.ts";
import { identitySharedConfig } from "./identity-shared.ts";
import { maxPoolGradConfig } from "./max-pool-grad.ts";
import { maxPoolWithArgmaxConfig } from "./max-pool-with-argmax.ts";
import { maxPoolWithArgmaxGradConfig } from "./max-pool-with-argmax-gradient.ts";
import { splitRunsConfig } from "./split-runs.ts";
import { sumLeadingAxesConfig } from "./sum-leading-axes.ts";

const WASM = "wasm";

function wasmKernel(name: string): KernelConfig {
  const config = getKernel(name, WASM);
  if (config == null) throw new Error(`The wasm backend has no '${name}' kernel to wrap.`);
  return config;
}

/**
 * The kernels this project adds to, or replaces in, the wasm backend. Wrappers capture
 * the wasm backend's current kernel, so build this list once.
 */
export function wasmGradientKernelConfigs(): KernelConfig[] {
  return [
    conv2dBackpropFilterConfig(WASM),
    conv2dBackpropInputConfig(WASM),
    maxPoolGradConfig(WASM),
    maxPoolWithArgmaxConfig(WASM),
    sumLeadingAxesConfig(wasmKernel(Sum)),
    identitySharedConfig(wasmKernel(Identity)),
    concatRunsConfig(wasmKernel(Concat)),
    splitRunsConfig(wasmKernel(SplitV)),
  ];
}

// On globalThis, like tfjs's own registries, so a second copy of this module (test
// isolation, bundling) does not wrap the wrappers again.
const REGISTERED = Symbol.for("crowdseg.trainer.wasmGradientKernels");
const state = globalThis as { [REGISTERED]?: boolean };

/**
 * Makes the wasm backend able to train the project's networks, and fast at it: registers
 * the gradient kernels it lacks, replaces the ones it has only as slow loops (and its
 * MaxPoolWithArgmax, which is wrong on negative windows), and installs
 * the dilation-aware Conv2D gradient and a MaxPoolWithArgmax gradient (for every backend). Call before the first training
 * step; calling again is cheap and re-asserts the gradient override.
 */
export function registerWasmGradientKernels(): void {
  if (!state[REGISTERED]) {
    for (const config of wasmGradientKernelConfigs()) {
      // tfjs keeps one kernel per name and backend: the wasm backend's own is replaced.
      if (getKernel(config.kernelName, config.backendName) != null) {
        unregisterKernel(config.kernelName, config.backendName);
      }
      registerKernel(config);
    }
    state[REGISTERED] = true;
  }
  registerGradient(conv2dGradConfig);
  registerGradient(maxPoolWithArgmaxGradConfig);
}
