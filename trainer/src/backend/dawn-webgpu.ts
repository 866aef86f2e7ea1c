import * as tf from "@tensorflow/tfjs-core";

/** The part of npm `webgpu` (Dawn's dawn.node) used here; typed locally since it is optional. */
interface DawnModule {
  create(flags: string[]): DawnGPU;
  globals: Record<string, unknown>;
}

interface DawnGPU {
  requestAdapter(options?: { powerPreference?: string }): Promise<DawnAdapter | null>;
}

interface DawnAdapter {
  info: { vendor: string; device: string; description: string; isFallbackAdapter?: boolean };
}

export const DAWN_PACKAGE = "webgpu";

/**
 * The Dawn instance installed as navigator.gpu, kept for the thread's life. The webgpu backend
 * holds a device of it and never asks navigator.gpu again, so a second install would leave that
 * device on an instance nothing references. On an H100, where every selection installed a fresh
 * instance, the second training run in one worker thread hung, idle; with one instance, eight
 * runs in one thread went through.
 */
let installed: { gpu: DawnGPU; name: string } | null = null;

/**
 * Why the first attempt found no usable adapter. Asking Dawn again costs tens of milliseconds
 * and prints its "Couldn't load Vulkan" warning once more on every training run of the thread.
 */
let unavailable: Error | null = null;

/**
 * Makes tfjs-backend-webgpu usable in Node through Dawn (npm `webgpu`): installs Dawn's
 * navigator.gpu and GPU* constants as a browser would have them, and checks that Dawn finds a
 * hardware adapter. Call before loading @tensorflow/tfjs-backend-webgpu, which registers its
 * backend only if navigator.gpu exists when it loads. Throws, leaving globalThis as it was, when
 * there is no adapter (no GPU, or no Vulkan loader and driver: the normal case on CPU machines)
 * or only a software one (Mesa's lavapipe trains the U-Net about 10x slower than wasm).
 * Returns the adapter's description. Asks Dawn once per thread; later calls return the first
 * answer (the description, or the same error).
 */
export async function installDawnWebGPU(
  load: (specifier: string) => Promise<unknown>,
): Promise<string> {
  if (installed !== null) return installed.name;
  if (unavailable !== null) throw unavailable;
  const dawn = (await load(DAWN_PACKAGE)) as DawnModule;
  const gpu = dawn.create([]);
  const adapter = await gpu.requestAdapter({ powerPreference: "high-performance" });
  if (adapter == null) {
    unavailable = new Error(
      "Dawn found no WebGPU adapter (it needs a GPU with a Vulkan driver and libvulkan.so.1)",
    );
    throw unavailable;
  }
  const { vendor, device, description, isFallbackAdapter } = adapter.info;
  const name = description || `${vendor} ${device}`;
  if (isFallbackAdapter) {
    unavailable = new Error(
      `Dawn found only a software WebGPU adapter (${name}), slower than wasm`,
    );
    throw unavailable;
  }
  for (const [key, value] of Object.entries(dawn.globals)) {
    if (!(key in globalThis)) {
      Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
    }
  }
  // Node 21+ has a navigator without gpu; Node 20 has none.
  const holder = globalThis as { navigator?: object };
  if (holder.navigator === undefined) {
    Object.defineProperty(globalThis, "navigator", {
      value: { gpu },
      configurable: true,
      writable: true,
    });
  } else {
    Object.defineProperty(holder.navigator, "gpu", { value: gpu, configurable: true });
  }
  installed = { gpu, name };
  return name;
}

/**
 * tfjs-backend-webgpu reads a tensor synchronously (dataSync, arraySync) through
 * OffscreenCanvas, which Node lacks, so such a read fails with a bare ReferenceError. This
 * wraps the active webgpu backend's readSync to say what to do instead.
 */
export function explainSyncReadsOnWebGPU(): void {
  const backend = tf.backend() as tf.KernelBackend & { readSync: tf.KernelBackend["readSync"] };
  const readSync = backend.readSync.bind(backend);
  backend.readSync = (dataId) => {
    try {
      return readSync(dataId);
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      throw new Error(
        "dataSync()/arraySync() cannot read a webgpu tensor in Node (tfjs-backend-webgpu reads " +
          "synchronously through OffscreenCanvas, which Node lacks): use await data()/array()",
        { cause: error },
      );
    }
  };
}
