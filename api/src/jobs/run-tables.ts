import { fusionRuns, trainingRuns } from "@crowdseg/db";
import type { QueueName } from "./queue-names.ts";

/** The table whose row tracks a job of each queue. */
export const runTables = {
  fusion: fusionRuns,
  training: trainingRuns,
} as const satisfies Record<QueueName, typeof fusionRuns | typeof trainingRuns>;
