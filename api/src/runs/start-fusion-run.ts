import { fusionRuns } from "@crowdseg/db";
import type { FusionMethod } from "@crowdseg/fusion";
import type { AppDependencies } from "../app-context.ts";
import { enqueueRun } from "./enqueue-run.ts";
import { fusionRunKind } from "./run-kinds.ts";

export interface FusionRunRequest {
  studyId: number;
  userId: number;
  method: FusionMethod;
  priors: string[];
  params: Record<string, unknown>;
}

export async function startFusionRun(deps: AppDependencies, request: FusionRunRequest) {
  const [run] = await deps.db
    .insert(fusionRuns)
    .values({
      studyId: request.studyId,
      method: request.method,
      priors: request.priors,
      params: request.params,
      createdBy: request.userId,
    })
    .returning({ id: fusionRuns.id });
  return enqueueRun(deps, fusionRunKind, run!.id);
}
