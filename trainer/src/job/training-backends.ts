import type { BackendChoice } from "../backend/select-backend.ts";
import type { Architecture } from "../models/create-model.ts";
import { TrainingJobError } from "./training-job-error.ts";

/**
 * The backends a run of this architecture may try, in the order given. ENet passes webgpu over:
 * its dilated convolutions have no gradient there (tfjs-core 4.22's Conv2D gradient refuses
 * dilations above 1, and the trainer registers its own only for wasm), so its first step would fail.
 */
export function trainingBackends(
  architecture: Architecture,
  candidates: readonly BackendChoice[],
): BackendChoice[] {
  if (architecture !== "enet") return [...candidates];
  const usable = candidates.filter((name) => name !== "webgpu");
  if (usable.length === 0) {
    throw new TrainingJobError(
      "ENet cannot train on webgpu (no gradient for its dilated convolutions there); " +
        "choose another backend.",
    );
  }
  return usable;
}
