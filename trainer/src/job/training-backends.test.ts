import { describe, expect, it } from "vitest";
import { DEFAULT_BACKEND_ORDER } from "../backend/select-backend.ts";
import { trainingBackends } from "./training-backends.ts";

describe("trainingBackends", () => {
  it("keeps the order given, passing webgpu over for ENet only", () => {
    expect(trainingBackends("unet", DEFAULT_BACKEND_ORDER)).toEqual([...DEFAULT_BACKEND_ORDER]);
    expect(trainingBackends("attention-unet", ["webgpu"])).toEqual(["webgpu"]);
    expect(trainingBackends("enet", DEFAULT_BACKEND_ORDER)).toEqual([
      "tfjs-node-gpu",
      "tfjs-node",
      "wasm",
    ]);
  });

  it("refuses ENet on webgpu alone", () => {
    expect(() => trainingBackends("enet", ["webgpu"])).toThrow(/ENet cannot train on webgpu/);
  });
});
