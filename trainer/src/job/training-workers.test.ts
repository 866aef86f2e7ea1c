import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { trainingWorkers } from "./training-workers.ts";

describe("trainingWorkers", () => {
  it("uses the cores (at most 4, at most the batch) on wasm, one thread elsewhere", () => {
    expect(trainingWorkers("wasm", "unet", 8, {})).toBe(Math.min(availableParallelism(), 4));
    expect(trainingWorkers("wasm", "unet", 8, { CROWDSEG_TRAINING_WORKERS: "3" })).toBe(3);
    expect(trainingWorkers("wasm", "unet", 2, { CROWDSEG_TRAINING_WORKERS: "3" })).toBe(2);
    expect(trainingWorkers("wasm", "enet", 8, { CROWDSEG_TRAINING_WORKERS: "3" })).toBe(1);
    expect(trainingWorkers("tfjs-node", "unet", 8, { CROWDSEG_TRAINING_WORKERS: "3" })).toBe(1);
    expect(() => trainingWorkers("wasm", "unet", 8, { CROWDSEG_TRAINING_WORKERS: "two" })).toThrow(
      /CROWDSEG_TRAINING_WORKERS is "two"/,
    );
  });
});
