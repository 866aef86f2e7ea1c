import { fusionRuns, trainingRuns } from "@crowdseg/db";
import type { QueueName } from "../jobs/queue-names.ts";

/** Fusion and training runs share their life cycle; only the table and the URL differ. */
export interface RunKind {
  queue: QueueName;
  table: typeof fusionRuns | typeof trainingRuns;
  /** URL segment: /api/<segment>/:id and /api/studies/:studyId/<segment> */
  segment: "fusion-runs" | "training-runs";
  noun: string;
}

export const runKinds: readonly RunKind[] = [
  { queue: "fusion", table: fusionRuns, segment: "fusion-runs", noun: "fusion run" },
  { queue: "training", table: trainingRuns, segment: "training-runs", noun: "training run" },
];

export const fusionRunKind = runKinds[0]!;
export const trainingRunKind = runKinds[1]!;
