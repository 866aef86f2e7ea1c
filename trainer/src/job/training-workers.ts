import { availableParallelism } from "node:os";
import type { BackendChoice } from "../backend/select-backend.ts";
import type { Architecture } from "../models/create-model.ts";
import { TrainingJobError } from "./training-job-error.ts";

/**
 * How many worker threads train a run data-parallel. Only the wasm backend needs them: it runs
 * one thread per process, while tfjs-node spreads its kernels itself. ENet stays on one thread:
 * its batch-norm statistics are per replica and would drift apart. A batch cannot feed more
 * workers than it has slices. CROWDSEG_TRAINING_WORKERS overrides the core count (1: off).
 */
export function trainingWorkers(
  backend: BackendChoice,
  architecture: Architecture,
  batchSize: number,
  env: Record<string, string | undefined> = process.env,
): number {
  if (backend !== "wasm" || architecture === "enet") return 1;
  const setting = env.CROWDSEG_TRAINING_WORKERS;
  let wanted = Math.min(availableParallelism(), 4);
  if (setting !== undefined && setting !== "") {
    wanted = Number(setting);
    if (!Number.isInteger(wanted) || wanted < 1) {
      throw new TrainingJobError(
        `CROWDSEG_TRAINING_WORKERS is "${setting}"; use a whole number of threads >= 1.`,
      );
    }
  }
  return Math.max(1, Math.min(wanted, batchSize));
}
