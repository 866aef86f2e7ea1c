import { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DAWN_PACKAGE, explainSyncReadsOnWebGPU } from "./dawn-webgpu.ts";

const globals = globalThis as Record<string, unknown>;

/** Stand-in for npm `webgpu` whose Dawn finds the given adapter (null: none). */
function fakeDawn(info: Record<string, unknown> | null) {
  const gpu = { requestAdapter: async () => (info === null ? null : { info }) };
  const load = vi.fn(async (specifier: string) => {
    expect(specifier).toBe(DAWN_PACKAGE);
    return { create: () => gpu, globals: { GPUBufferUsage: { MAP_READ: 1 } } };
  });
  return { gpu, load };
}

/** installDawnWebGPU of a fresh module: it remembers its answer for the thread's life. */
async function freshInstall() {
  vi.resetModules();
  return (await import("./dawn-webgpu.ts")).installDawnWebGPU;
}

describe("installDawnWebGPU", () => {
  afterEach(() => {
    delete globals.navigator;
    delete globals.GPUBufferUsage;
  });

  it("says that Dawn found no adapter, leaves navigator alone, and does not ask again", async () => {
    const installDawnWebGPU = await freshInstall();
    const { load } = fakeDawn(null);
    await expect(installDawnWebGPU(load)).rejects.toThrow(/Dawn found no WebGPU adapter/);
    expect(globals.navigator).toBeUndefined();
    expect(globals.GPUBufferUsage).toBeUndefined();
    await expect(installDawnWebGPU(load)).rejects.toThrow(/Dawn found no WebGPU adapter/);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("refuses a software adapter such as lavapipe", async () => {
    const installDawnWebGPU = await freshInstall();
    const { load } = fakeDawn({
      vendor: "mesa",
      device: "llvmpipe",
      description: "llvmpipe: Mesa 25.0.7",
      isFallbackAdapter: true,
    });
    await expect(installDawnWebGPU(load)).rejects.toThrow(
      "Dawn found only a software WebGPU adapter (llvmpipe: Mesa 25.0.7), slower than wasm",
    );
    expect(globals.navigator).toBeUndefined();
  });

  it("installs navigator.gpu and the GPU* constants for a hardware adapter, once", async () => {
    const installDawnWebGPU = await freshInstall();
    const { gpu, load } = fakeDawn({
      vendor: "nvidia",
      device: "nvidia-h100-80gb-hbm3",
      description: "NVIDIA: 580.159.04",
      isFallbackAdapter: false,
    });
    await expect(installDawnWebGPU(load)).resolves.toBe("NVIDIA: 580.159.04");
    expect((globals.navigator as { gpu: unknown }).gpu).toBe(gpu);
    expect(globals.GPUBufferUsage).toEqual({ MAP_READ: 1 });
    // The backend keeps its device on this instance: a second selection must not replace it.
    const again = fakeDawn({ vendor: "other", device: "other", description: "other" });
    await expect(installDawnWebGPU(again.load)).resolves.toBe("NVIDIA: 580.159.04");
    expect((globals.navigator as { gpu: unknown }).gpu).toBe(gpu);
  });
});

describe("explainSyncReadsOnWebGPU", () => {
  afterEach(async () => {
    await tf.setBackend("cpu");
    tf.removeBackend("no-canvas");
  });

  it("turns the missing OffscreenCanvas into advice", async () => {
    // A backend whose synchronous read fails as tfjs-backend-webgpu's does in Node.
    class NoCanvasBackend extends MathBackendCPU {
      override readSync(): never {
        throw new ReferenceError("OffscreenCanvas is not defined");
      }
    }
    tf.registerBackend("no-canvas", () => new NoCanvasBackend());
    await tf.setBackend("no-canvas");
    explainSyncReadsOnWebGPU();
    const t = tf.tensor([1, 2]);
    expect(() => t.dataSync()).toThrow(/cannot read a webgpu tensor in Node.*await data\(\)/);
    t.dispose();
  });
});
