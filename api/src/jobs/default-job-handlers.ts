import { runFusionJob } from "@crowdseg/fusion";
import type { JobHandlers } from "./job-handler.ts";

/** The handlers `pnpm start` and `pnpm worker` run. */
export const defaultJobHandlers: JobHandlers = {
  fusion: runFusionJob,
  // TensorFlow.js and its backends load only when a training job first runs, so an API process
  // that never trains neither pays for them at start-up nor holds them in memory
  training: async (context) => (await import("@crowdseg/trainer")).runTrainingJob(context),
};
