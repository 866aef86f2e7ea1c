import { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_BACKEND_ORDER, selectBackend } from "./select-backend.ts";

const notInstalled = (specifier: string) => new Error(`Cannot find package '${specifier}'`);

describe("selectBackend", () => {
  afterEach(() => {
    if (tf.findBackendFactory("tensorflow") != null) tf.removeBackend("tensorflow");
  });

  it("falls back to wasm when no native package nor npm webgpu loads, and says why", async () => {
    const tried: string[] = [];
    const selection = await selectBackend({
      load: async (specifier) => {
        tried.push(specifier);
        if (specifier.includes("tfjs-node") || specifier === "webgpu") {
          throw notInstalled(specifier);
        }
        return import(specifier);
      },
    });
    expect(selection.name).toBe("wasm");
    expect(tf.getBackend()).toBe("wasm");
    // tfjs-backend-webgpu is not even loaded without Dawn's navigator.gpu.
    expect(tried).toEqual([
      "@tensorflow/tfjs-node-gpu",
      "@tensorflow/tfjs-node",
      "webgpu",
      "@tensorflow/tfjs-backend-wasm",
    ]);
    expect(selection.skipped.map((s) => s.name)).toEqual(["tfjs-node-gpu", "tfjs-node", "webgpu"]);
    expect(selection.skipped[1]?.reason).toContain("@tensorflow/tfjs-node");
    expect(selection.skipped[2]?.reason).toBe("Cannot find package 'webgpu'");
  });

  it("prefers tfjs-node over wasm when it loads", async () => {
    // Stand-in for @tensorflow/tfjs-node: loading it registers a 'tensorflow' backend.
    const selection = await selectBackend({
      load: async (specifier) => {
        if (specifier === "@tensorflow/tfjs-node-gpu") throw notInstalled(specifier);
        if (specifier === "@tensorflow/tfjs-node") {
          tf.registerBackend("tensorflow", () => new MathBackendCPU());
          return {};
        }
        throw new Error(`wasm must not be tried, got ${specifier}`);
      },
    });
    expect(selection).toEqual({
      name: "tfjs-node",
      tfBackend: "tensorflow",
      threads: null,
      skipped: [
        { name: "tfjs-node-gpu", reason: "Cannot find package '@tensorflow/tfjs-node-gpu'" },
      ],
    });
    expect(tf.getBackend()).toBe("tensorflow");
  });

  it("skips a package that loads but registers no backend", async () => {
    const selection = await selectBackend({
      candidates: ["tfjs-node", "cpu"],
      load: async (specifier) => (specifier.includes("tfjs-node") ? {} : import(specifier)),
    });
    expect(selection.name).toBe("cpu");
    expect(selection.skipped[0]?.reason).toMatch(/registered no 'tensorflow' backend/);
  });

  it("skips webgpu, saying why, when Dawn finds no adapter, and falls back to wasm", async () => {
    const tried: string[] = [];
    const selection = await selectBackend({
      candidates: ["webgpu", "wasm"],
      load: async (specifier) => {
        tried.push(specifier);
        // npm `webgpu` on a machine without a Vulkan GPU, like this one and CI.
        if (specifier === "webgpu") {
          return { create: () => ({ requestAdapter: async () => null }), globals: {} };
        }
        return import(specifier);
      },
    });
    expect(selection.name).toBe("wasm");
    expect(tf.getBackend()).toBe("wasm");
    expect(tried).toEqual(["webgpu", "@tensorflow/tfjs-backend-wasm"]);
    expect(selection.skipped).toEqual([
      {
        name: "webgpu",
        reason:
          "Dawn found no WebGPU adapter (it needs a GPU with a Vulkan driver and libvulkan.so.1)",
      },
    ]);
  });

  it("uses webgpu through Dawn only where it finds a hardware adapter", async () => {
    const selection = await selectBackend({ candidates: ["webgpu", "wasm"] });
    if (selection.name === "webgpu") {
      expect(tf.getBackend()).toBe("webgpu");
    } else {
      // Here and in CI: no GPU, or no Vulkan loader, or only Mesa's software rasteriser.
      expect(selection.name).toBe("wasm");
      expect(selection.skipped.map((s) => s.name)).toEqual(["webgpu"]);
      expect(selection.skipped[0]?.reason).toMatch(
        /Dawn found (no|only a software) WebGPU adapter|Cannot find package 'webgpu'/,
      );
    }
  });

  it("throws with every reason when nothing loads", async () => {
    await expect(
      selectBackend({
        candidates: ["tfjs-node-gpu", "tfjs-node"],
        load: async (specifier) => {
          throw notInstalled(specifier);
        },
      }),
    ).rejects.toThrow(/tfjs-node-gpu: Cannot find.*tfjs-node: Cannot find/);
  });

  it("uses a real backend from the default order with the real loader", async () => {
    const selection = await selectBackend();
    expect(DEFAULT_BACKEND_ORDER).toContain(selection.name);
    expect(tf.getBackend()).toBe(selection.tfBackend);
    // Whatever was passed over must be a faster candidate than the one chosen.
    const chosenRank = DEFAULT_BACKEND_ORDER.indexOf(selection.name);
    for (const s of selection.skipped)
      expect(DEFAULT_BACKEND_ORDER.indexOf(s.name)).toBeLessThan(chosenRank);
    // The native packages are optional dependencies whose install scripts pnpm does not run
    // here: a skipped one must be reported as not installed or not built, without importing it
    // halfway (which registers its kernels and then fails).
    for (const s of selection.skipped) {
      expect(s.reason).toMatch(
        /native addon is not built|Cannot find (package|module)|Dawn found (no|only a software) WebGPU adapter/,
      );
    }
  });
});
