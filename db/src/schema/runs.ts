import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { runStatus } from "./enums.ts";
import { slices, volumes } from "./images.ts";
import { studies } from "./studies.ts";
import { users } from "./users.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/** Progress of a queued job as the UI shows it. */
export interface RunProgress {
  fraction: number;
  message?: string;
  epoch?: number;
  step?: number;
  loss?: number;
  validationDice?: number;
}

export const fusionRuns = pgTable(
  "fusion_runs",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    studyId: integer()
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    method: text().notNull(),
    params: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** names of the anatomical priors switched on, in the order applied */
    priors: jsonb().$type<string[]>().notNull().default([]),
    status: runStatus().notNull().default("queued"),
    progress: jsonb().$type<RunProgress>().notNull().default({ fraction: 0 }),
    metrics: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    jobId: text(),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("fusion_runs_study_idx").on(t.studyId)],
);

/** Per-class probabilities of one slice, uint8-quantised (p·255) and deflated, class-major. */
export const softLabels = pgTable(
  "soft_labels",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    fusionRunId: integer()
      .notNull()
      .references(() => fusionRuns.id, { onDelete: "cascade" }),
    sliceId: integer()
      .notNull()
      .references(() => slices.id, { onDelete: "cascade" }),
    numClasses: integer().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    probabilities: bytea().notNull(),
  },
  (t) => [unique("soft_labels_run_slice_uq").on(t.fusionRunId, t.sliceId)],
);

/** What a fusion run learned about one rater (STAPLE confusion matrix, weights). */
export const raterEstimates = pgTable(
  "rater_estimates",
  {
    fusionRunId: integer()
      .notNull()
      .references(() => fusionRuns.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** confusion[true][rated] = P(rater says `rated` | truth is `true`) */
    confusion: jsonb().$type<number[][]>(),
    sensitivity: real(),
    specificity: real(),
    weight: real(),
  },
  (t) => [unique("rater_estimates_run_user_uq").on(t.fusionRunId, t.userId)],
);

/** Which labels a training run learns from. */
export type LabelSource =
  | { kind: "reference" }
  | { kind: "rater"; userId: number }
  | { kind: "fusion"; fusionRunId: number };

export const trainingRuns = pgTable(
  "training_runs",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    studyId: integer()
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    architecture: text().notNull(),
    loss: text().notNull(),
    labelSource: jsonb().$type<LabelSource>().notNull(),
    hyperparameters: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** the tfjs backend the run actually trained on */
    backend: text(),
    status: runStatus().notNull().default("queued"),
    progress: jsonb().$type<RunProgress>().notNull().default({ fraction: 0 }),
    checkpointKey: text(),
    metrics: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    jobId: text(),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("training_runs_study_idx").on(t.studyId)],
);

/** Metrics of a trained model against the expert reference, per slice or per volume. */
export const evaluations = pgTable(
  "evaluations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    trainingRunId: integer()
      .notNull()
      .references(() => trainingRuns.id, { onDelete: "cascade" }),
    volumeId: integer().references(() => volumes.id, { onDelete: "cascade" }),
    sliceId: integer().references(() => slices.id, { onDelete: "cascade" }),
    metrics: jsonb().$type<Record<string, number | null>>().notNull(),
    dice: real(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evaluations_run_idx").on(t.trainingRunId)],
);
