import { annotations, fusionRuns, type LabelSource, trainingRuns } from "@crowdseg/db";
import { and, eq } from "drizzle-orm";
import { ApiError } from "../api-error.ts";
import type { AppDependencies } from "../app-context.ts";
import { enqueueRun } from "./enqueue-run.ts";
import { trainingRunKind } from "./run-kinds.ts";

export interface TrainingRunRequest {
  studyId: number;
  userId: number;
  architecture: string;
  loss: string;
  labelSource: LabelSource;
  hyperparameters: Record<string, unknown>;
}

/** Checks that the label source belongs to the study before anything is queued. */
export async function startTrainingRun(deps: AppDependencies, request: TrainingRunRequest) {
  const source = request.labelSource;
  if (source.kind === "fusion") {
    const [fusion] = await deps.db
      .select({ id: fusionRuns.id })
      .from(fusionRuns)
      .where(and(eq(fusionRuns.id, source.fusionRunId), eq(fusionRuns.studyId, request.studyId)));
    if (!fusion) {
      throw new ApiError(
        422,
        "invalid_label_source",
        `fusion run ${source.fusionRunId} is not a run of study ${request.studyId}`,
      );
    }
  }
  if (source.kind === "rater") {
    const [labelled] = await deps.db
      .select({ id: annotations.id })
      .from(annotations)
      .where(and(eq(annotations.userId, source.userId), eq(annotations.studyId, request.studyId)))
      .limit(1);
    if (!labelled) {
      throw new ApiError(
        422,
        "invalid_label_source",
        `user ${source.userId} has no annotations in study ${request.studyId}`,
      );
    }
  }
  const [run] = await deps.db
    .insert(trainingRuns)
    .values({
      studyId: request.studyId,
      architecture: request.architecture,
      loss: request.loss,
      labelSource: source,
      hyperparameters: request.hyperparameters,
      createdBy: request.userId,
    })
    .returning({ id: trainingRuns.id });
  return enqueueRun(deps, trainingRunKind, run!.id);
}
