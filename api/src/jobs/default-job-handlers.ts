import { runFusionJob } from "@crowdseg/fusion";
import { InvalidJobError } from "./invalid-job-error.ts";
import type { JobHandlers } from "./job-handler.ts";

/** The handlers `pnpm start` and `pnpm worker` run. */
export const defaultJobHandlers: JobHandlers = {
  fusion: runFusionJob,
  training: async () => {
    throw new InvalidJobError(
      "training runs are not available yet: the training job handler has not landed",
    );
  },
};
