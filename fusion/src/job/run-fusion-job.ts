import {
  annotations,
  encodeSoftLabel,
  fusionRuns,
  goldSlices,
  type RunProgress,
  raterEstimates,
  referenceLabels,
  type Storage,
  slices,
  softLabels,
  studies,
} from "@crowdseg/db";
import { decodeRle } from "@crowdseg/imaging";
import { asc, eq } from "drizzle-orm";
import { PRIOR_STEPS, type PriorStep } from "../anatomical-priors.ts";
import {
  FUSION_METHODS,
  type FusedStudy,
  type FusionMethod,
  type StudySlice,
} from "../study/fuse-study.ts";
import { FusionJobError } from "./fusion-job-error.ts";

/** What the fusion job needs from the job runner (the API's JobContext fits it). */
export interface FusionJobContext {
  storage: Storage;
  runId: number;
  reportProgress(progress: RunProgress): void;
  runInThread<Output>(task: {
    module: string;
    exportName: string;
    input: unknown;
  }): Promise<Output>;
}

const INSERT_CHUNK = 200;

/**
 * The fusion-run job: reads the study's annotations, references and gold slices, fuses them on a
 * worker thread with the run's method and priors, and replaces the run's soft labels and rater
 * estimates in one transaction (so a retried run never leaves half of two attempts).
 */
export async function runFusionJob(context: FusionJobContext): Promise<Record<string, unknown>> {
  const { db } = context.storage;
  const [run] = await db.select().from(fusionRuns).where(eq(fusionRuns.id, context.runId));
  if (!run) throw new FusionJobError(`fusion run ${context.runId} does not exist`);
  if (!FUSION_METHODS.includes(run.method as FusionMethod)) {
    throw new FusionJobError(
      `unknown fusion method "${run.method}"; use ${FUSION_METHODS.join(", ")}`,
    );
  }
  const unknownPriors = run.priors.filter((step) => !PRIOR_STEPS.includes(step as PriorStep));
  if (unknownPriors.length > 0) {
    throw new FusionJobError(
      `unknown priors ${unknownPriors.join(", ")}; known: ${PRIOR_STEPS.join(", ")}`,
    );
  }
  const [study] = await db.select().from(studies).where(eq(studies.id, run.studyId));
  if (!study) throw new FusionJobError(`study ${run.studyId} does not exist`);
  const numClasses = study.classes.length;

  context.reportProgress({ fraction: 0.02, message: "reading annotations" });
  const sliceRows = await db
    .select()
    .from(slices)
    .where(eq(slices.studyId, study.id))
    .orderBy(asc(slices.volumeId), asc(slices.indexInVolume));
  const labelRows = await db
    .select({
      sliceId: annotations.sliceId,
      userId: annotations.userId,
      labels: annotations.labels,
    })
    .from(annotations)
    .where(eq(annotations.studyId, study.id))
    .orderBy(asc(annotations.userId));
  const referenceRows = await db
    .select()
    .from(referenceLabels)
    .where(eq(referenceLabels.studyId, study.id));
  const goldRows = await db.select().from(goldSlices).where(eq(goldSlices.studyId, study.id));

  const raterIds = [...new Set(labelRows.map((row) => row.userId))].sort((a, b) => a - b);
  const raterIndex = new Map(raterIds.map((id, index) => [id, index]));
  const bySlice = new Map<number, { raters: number[]; labels: Uint8Array[] }>();
  for (const row of labelRows) {
    const entry = bySlice.get(row.sliceId) ?? { raters: [], labels: [] };
    entry.raters.push(raterIndex.get(row.userId)!);
    entry.labels.push(decodeRle(row.labels, { numClasses }));
    bySlice.set(row.sliceId, entry);
  }
  const references = new Map(referenceRows.map((row) => [row.sliceId, row.labels]));
  const gold = new Set(goldRows.map((row) => row.sliceId));
  const rated = sliceRows.filter((slice) => bySlice.has(slice.id));
  if (rated.length === 0) throw new FusionJobError(`study ${study.id} has no annotations to fuse`);
  const studySlices: StudySlice[] = rated.map((slice) => {
    const reference = references.get(slice.id);
    return {
      volume: slice.volumeId,
      index: slice.indexInVolume,
      width: slice.width,
      height: slice.height,
      ...bySlice.get(slice.id)!,
      reference: reference ? decodeRle(reference, { numClasses }) : undefined,
      gold: gold.has(slice.id),
    };
  });

  const fused = await context.runInThread<FusedStudy>({
    module: new URL("../study/fuse-study-task.ts", import.meta.url).href,
    exportName: "fuseStudyTask",
    input: {
      study: { numClasses, numRaters: raterIds.length, slices: studySlices },
      options: { method: run.method, priors: run.priors, staple: run.params.staple },
    },
  });

  context.reportProgress({ fraction: 0.95, message: "storing soft labels" });
  await db.transaction(async (tx) => {
    await tx.delete(softLabels).where(eq(softLabels.fusionRunId, run.id));
    await tx.delete(raterEstimates).where(eq(raterEstimates.fusionRunId, run.id));
    const rows = rated.map((slice, s) => ({
      fusionRunId: run.id,
      sliceId: slice.id,
      numClasses,
      width: slice.width,
      height: slice.height,
      probabilities: encodeSoftLabel(fused.slices[s]!.probabilities),
    }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await tx.insert(softLabels).values(rows.slice(i, i + INSERT_CHUNK));
    }
    await tx.insert(raterEstimates).values(
      fused.raters.map((estimate, r) => ({
        fusionRunId: run.id,
        userId: raterIds[r]!,
        confusion: Array.from({ length: numClasses }, (_, truth) =>
          Array.from(
            { length: numClasses },
            (_, said) => estimate.confusion[said * numClasses + truth]!,
          ),
        ),
        // binary sensitivity/specificity where they are defined; the confusion matrix always is
        sensitivity: numClasses === 2 ? estimate.confusion[3]! : null,
        specificity: numClasses === 2 ? estimate.confusion[0]! : null,
        weight: estimate.reliability,
      })),
    );
  });
  return {
    method: run.method,
    priorsApplied: fused.priorsApplied,
    slices: rated.length,
    raters: raterIds.length,
    ...(fused.metrics ?? {}),
  };
}
