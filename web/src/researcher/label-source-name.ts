import type { FusionRun, LabelSource } from "../api/api-types.ts";
import { FUSION_METHOD_OPTIONS, optionLabel } from "./run-options.ts";

/** A label source in words: whose labels a model learned from. */
export function labelSourceName(
  source: LabelSource,
  raterNames: ReadonlyMap<number, string>,
  fusionRuns: ReadonlyMap<number, Pick<FusionRun, "method" | "priors">>,
): string {
  switch (source.kind) {
    case "reference":
      return "Expert reference";
    case "rater":
      return `Rater: ${raterNames.get(source.userId) ?? `#${source.userId}`}`;
    case "fusion": {
      const run = fusionRuns.get(source.fusionRunId);
      if (!run) return `Fusion run #${source.fusionRunId}`;
      const priors = run.priors.length === 0 ? "" : ` + ${run.priors.length} priors`;
      return `Fusion #${source.fusionRunId}: ${optionLabel(FUSION_METHOD_OPTIONS, run.method)}${priors}`;
    }
  }
}
