import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { imageFormat } from "./enums.ts";
import { studies } from "./studies.ts";

/** One acquired 3D stack, e.g. a patient at end-diastole. */
export const volumes = pgTable(
  "volumes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    studyId: integer()
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    name: text().notNull(),
    patientId: text(),
    /** "ED", "ES" or null when not a cine frame */
    phase: text(),
    width: integer().notNull(),
    height: integer().notNull(),
    depth: integer().notNull(),
    /** [dx, dy, dz] in mm; null where the source did not keep it (volumes then count voxels) */
    spacing: jsonb().$type<[number, number, number] | null>(),
    format: imageFormat().notNull(),
    /** source datatype, e.g. "int16"; intensities are stored as float32 after scl_slope/inter */
    sourceDatatype: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("volumes_study_name_uq").on(t.studyId, t.name)],
);

/** Display window for a slice, so the PNG a rater sees is the same every time. */
export interface SliceWindow {
  min: number;
  max: number;
}

export const slices = pgTable(
  "slices",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // denormalised from the volume: task distribution filters by study on every request
    studyId: integer()
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    volumeId: integer()
      .notNull()
      .references(() => volumes.id, { onDelete: "cascade" }),
    indexInVolume: integer().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    /** blob key of the float32 intensities (row-major, width fastest) */
    imageKey: text().notNull(),
    window: jsonb().$type<SliceWindow>().notNull(),
    /** higher first; room for active learning to push slices forward */
    priority: real().notNull().default(0),
    /**
     * Assignments of this slice in state leased or completed, kept by a trigger on assignments
     * (migration 0002). Task distribution orders and filters on it instead of counting labels.
     */
    takenCount: integer().notNull().default(0),
    /** Mirrors gold_slices (kept by a trigger), so the task picker needs no join. */
    isGold: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("slices_volume_index_uq").on(t.volumeId, t.indexInVolume),
    // slices_pick_idx leads with study_id, so it also serves every "slices of a study" query
    // the next-task pick walks this index: fewest labels first, then priority
    index("slices_pick_idx").on(t.studyId, t.isGold, t.takenCount, t.priority.desc(), t.id),
  ],
);
