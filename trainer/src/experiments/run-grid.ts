import {
  annotations,
  type LabelSource,
  type RunProgress,
  referenceLabels,
  type Storage,
  slices,
  trainingRuns,
  volumes,
} from "@crowdseg/db";
import { and, count, eq, inArray, isNull, or } from "drizzle-orm";
import type { BackendChoice } from "../backend/select-backend.ts";
import type { Architecture } from "../models/create-model.ts";
import type { LossName, LossParameters } from "../training/create-loss.ts";
import { runTrainingRunDirectly } from "./run-training-run-directly.ts";

export interface GridLabelSource {
  /** How the report names it, e.g. "expert" or "STAPLE (5 raters)". */
  name: string;
  source: LabelSource;
}

/**
 * A loss of the grid: a name, or a name with parameters (and cross-entropy warm-up epochs) and
 * the label the report gives it.
 */
export type GridLoss =
  | LossName
  | { name: LossName; options: LossParameters; warmupEpochs?: number; label: string };

export interface GridOptions {
  studyId: number;
  labelSources: readonly GridLabelSource[];
  losses: readonly GridLoss[];
  architectures: readonly Architecture[];
  /** The same for every run (seed included), so runs differ only in the grid's three axes. */
  hyperparameters: Record<string, unknown>;
  backends?: readonly BackendChoice[];
  onProgress?: (cell: GridCell, progress: RunProgress) => void;
  onCellDone?: (result: GridResult) => void;
}

export interface GridCell {
  labelSource: string;
  /** The loss's label: its name, or the name with its parameters. */
  loss: string;
  architecture: Architecture;
}

export interface GridResult extends GridCell {
  runId: number;
  source: LabelSource;
  status: "succeeded" | "failed";
  error: string | null;
  metrics: Record<string, unknown> | null;
  wallSeconds: number;
  /** Labels behind the run's training and validation slices: its annotation cost. */
  labelsUsed: { expert: number; crowd: number };
}

/**
 * Runs every label source × loss × architecture combination on one study as training runs
 * (stored like any other run, evaluation rows included), one after another on this thread.
 * A failed run is recorded with its error and the grid goes on.
 */
export async function runGrid(storage: Storage, options: GridOptions): Promise<GridResult[]> {
  const results: GridResult[] = [];
  for (const labelSource of options.labelSources) {
    for (const gridLoss of options.losses) {
      const loss =
        typeof gridLoss === "string"
          ? { name: gridLoss, options: null, label: gridLoss }
          : gridLoss;
      for (const architecture of options.architectures) {
        const cell: GridCell = { labelSource: labelSource.name, loss: loss.label, architecture };
        const [run] = await storage.db
          .insert(trainingRuns)
          .values({
            studyId: options.studyId,
            architecture,
            loss: loss.name,
            labelSource: labelSource.source,
            hyperparameters: {
              ...options.hyperparameters,
              ...(loss.options === null ? {} : { lossOptions: loss.options }),
              ...("warmupEpochs" in loss && loss.warmupEpochs !== undefined
                ? { warmupEpochs: loss.warmupEpochs }
                : {}),
            },
          })
          .returning({ id: trainingRuns.id });
        const started = performance.now();
        const outcome = await runTrainingRunDirectly(storage, run!.id, {
          ...(options.backends === undefined ? {} : { backends: options.backends }),
          onProgress: (p) => options.onProgress?.(cell, p),
        });
        const split = outcome.metrics?.split as
          | { train: string[]; validation: string[] }
          | undefined;
        const result: GridResult = {
          ...cell,
          runId: run!.id,
          source: labelSource.source,
          ...outcome,
          wallSeconds: (performance.now() - started) / 1000,
          labelsUsed:
            split === undefined
              ? { expert: 0, crowd: 0 }
              : await labelsUsed(storage, options.studyId, labelSource.source, [
                  ...split.train,
                  ...split.validation,
                ]),
        };
        results.push(result);
        options.onCellDone?.(result);
      }
    }
  }
  return results;
}

/** Expert or crowd labels on the given patients' slices that the label source draws on. */
async function labelsUsed(
  storage: Storage,
  studyId: number,
  source: LabelSource,
  patients: string[],
): Promise<{ expert: number; crowd: number }> {
  const { db } = storage;
  if (patients.length === 0) return { expert: 0, crowd: 0 };
  // The loader takes a volume without a patient as a patient of its own, named by the volume.
  const onPatients = and(
    eq(volumes.studyId, studyId),
    or(
      inArray(volumes.patientId, patients),
      and(isNull(volumes.patientId), inArray(volumes.name, patients)),
    ),
  );
  if (source.kind === "reference") {
    const [row] = await db
      .select({ n: count() })
      .from(referenceLabels)
      .innerJoin(slices, eq(slices.id, referenceLabels.sliceId))
      .innerJoin(volumes, eq(volumes.id, slices.volumeId))
      .where(onPatients);
    return { expert: row!.n, crowd: 0 };
  }
  const [row] = await db
    .select({ n: count() })
    .from(annotations)
    .innerJoin(slices, eq(slices.id, annotations.sliceId))
    .innerJoin(volumes, eq(volumes.id, slices.volumeId))
    .where(
      source.kind === "rater" ? and(onPatients, eq(annotations.userId, source.userId)) : onPatients,
    );
  return { expert: 0, crowd: row!.n };
}
