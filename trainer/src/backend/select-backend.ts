import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { registerWasmGradientKernels } from "../kernels/register-wasm-gradient-kernels.ts";
import { explainSyncReadsOnWebGPU, installDawnWebGPU } from "./dawn-webgpu.ts";
import { registerThreadedWasm, wasmThreadsInUse } from "./threaded-wasm.ts";

/**
 * The training backends, fastest first; `cpu` is the pure-JS reference, ~1,000x slower.
 * `webgpu` is tfjs-backend-webgpu on Dawn's Vulkan backend (npm `webgpu`); on an H100 a U-Net
 * step at 128x128 took ~0.5 s against ~3.4 s on one wasm thread of the same machine, and a
 * training run's steps at 64x64 ~0.35 s.
 */
export type BackendChoice = "tfjs-node-gpu" | "tfjs-node" | "webgpu" | "wasm" | "cpu";

/**
 * The native backends come first: their addons are only there when someone built them on
 * purpose. `webgpu` is next; without a GPU it is passed over within tens of milliseconds (Dawn
 * finds no adapter). The training path reads tensors with data(), since webgpu in Node cannot
 * serve dataSync() (see explainSyncReadsOnWebGPU); the data-parallel workers still read
 * synchronously, so DataParallelTrainer leaves webgpu out, and ENet runs pass it over (see
 * trainingBackends).
 */
export const DEFAULT_BACKEND_ORDER: readonly BackendChoice[] = [
  "tfjs-node-gpu",
  "tfjs-node",
  "webgpu",
  "wasm",
];

/** Every backend selectBackend knows, for checking a name given in a setting. */
export const BACKEND_CHOICES: readonly BackendChoice[] = [
  "tfjs-node-gpu",
  "tfjs-node",
  "webgpu",
  "wasm",
  "cpu",
];

export function isBackendChoice(name: string): name is BackendChoice {
  return (BACKEND_CHOICES as readonly string[]).includes(name);
}

export interface BackendSelection {
  /** What a training run records as its backend. */
  name: BackendChoice;
  /** The tfjs backend name now active (tfjs-node and tfjs-node-gpu both register 'tensorflow'). */
  tfBackend: string;
  /** Threads XNNPACK uses on wasm; null for backends that manage their own. */
  threads: number | null;
  /** Candidates tried before `name`, and why each was passed over. */
  skipped: { name: BackendChoice; reason: string }[];
}

export interface SelectBackendOptions {
  /** Candidates in order of preference; default DEFAULT_BACKEND_ORDER. */
  candidates?: readonly BackendChoice[];
  /** Loads a package by specifier; replaceable so that the fallback can be tested. */
  load?: (specifier: string) => Promise<unknown>;
  /**
   * Threads for XNNPACK on wasm (default 1). More than one uses tfjs-backend-wasm's
   * threaded build (see registerThreadedWasm); must be chosen before wasm is first used.
   */
  wasmThreads?: number;
}

const PACKAGE: Record<BackendChoice, string> = {
  "tfjs-node-gpu": "@tensorflow/tfjs-node-gpu",
  "tfjs-node": "@tensorflow/tfjs-node",
  webgpu: "@tensorflow/tfjs-backend-webgpu",
  wasm: "@tensorflow/tfjs-backend-wasm",
  cpu: "@tensorflow/tfjs-backend-cpu",
};

const TF_BACKEND: Record<BackendChoice, string> = {
  "tfjs-node-gpu": "tensorflow",
  "tfjs-node": "tensorflow",
  webgpu: "webgpu",
  wasm: "wasm",
  cpu: "cpu",
};

// A string-typed specifier keeps TypeScript from resolving packages that are optional.
const importPackage = async (specifier: string): Promise<unknown> => {
  if (specifier === PACKAGE["tfjs-node"] || specifier === PACKAGE["tfjs-node-gpu"]) {
    assertNativeAddonBuilt(specifier);
  }
  return import(specifier);
};

/**
 * tfjs-node(-gpu) installs without its addon where its install script may not run or cannot
 * download libtensorflow. Importing it then registers half its kernels before failing, so the
 * addon is looked for first and its absence reported plainly.
 */
function assertNativeAddonBuilt(specifier: string): void {
  const root = path.dirname(createRequire(import.meta.url).resolve(`${specifier}/package.json`));
  const lib = path.join(root, "lib");
  const built =
    existsSync(lib) &&
    readdirSync(lib).some(
      (dir) => dir.startsWith("napi-v") && existsSync(path.join(lib, dir, "tfjs_binding.node")),
    );
  if (!built) {
    throw new Error(
      `${specifier} is installed but its native addon is not built (its install script downloads ` +
        `libtensorflow); run \`npm rebuild ${specifier}\` on a machine that can download it`,
    );
  }
}

/**
 * Activates the first backend that loads and initialises, in the order given:
 * tfjs-node-gpu (CUDA), tfjs-node, webgpu (a GPU through Dawn), then wasm with the project's
 * gradient kernels. The native packages are optional dependencies, so their absence is the
 * normal case, as is a webgpu without a GPU adapter.
 */
export async function selectBackend(options: SelectBackendOptions = {}): Promise<BackendSelection> {
  const candidates = options.candidates ?? DEFAULT_BACKEND_ORDER;
  if (candidates.length === 0) throw new Error("selectBackend: no candidate backends given.");
  const load = options.load ?? importPackage;
  const skipped: BackendSelection["skipped"] = [];
  for (const name of candidates) {
    try {
      // Dawn's navigator.gpu must exist before tfjs-backend-webgpu loads.
      if (name === "webgpu") await installDawnWebGPU(load);
      await load(PACKAGE[name]);
      if (name === "wasm") {
        if ((options.wasmThreads ?? 1) > 1) await registerThreadedWasm(options.wasmThreads!);
        registerWasmGradientKernels();
      }
      if (tf.findBackendFactory(TF_BACKEND[name]) == null) {
        throw new Error(`loading ${PACKAGE[name]} registered no '${TF_BACKEND[name]}' backend`);
      }
      if (!(await tf.setBackend(TF_BACKEND[name]))) {
        throw new Error(`backend '${TF_BACKEND[name]}' failed to initialise`);
      }
      if (name === "webgpu") explainSyncReadsOnWebGPU();
      return {
        name,
        tfBackend: tf.getBackend(),
        threads: name === "wasm" ? wasmThreadsInUse() : null,
        skipped,
      };
    } catch (error) {
      skipped.push({ name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  const reasons = skipped.map((s) => `${s.name}: ${s.reason}`).join("; ");
  throw new Error(`selectBackend: no backend could be initialised (${reasons}).`);
}
