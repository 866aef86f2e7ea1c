import { InvalidJobError } from "./invalid-job-error.ts";
import type { JobHandlers } from "./job-handler.ts";

/** The handlers `pnpm start` and `pnpm worker` run. */
export const defaultJobHandlers: JobHandlers = {
  fusion: async () => {
    throw new InvalidJobError(
      "fusion runs are not available yet: the fusion job handler has not landed",
    );
  },
  training: async () => {
    throw new InvalidJobError(
      "training runs are not available yet: the training job handler has not landed",
    );
  },
};
