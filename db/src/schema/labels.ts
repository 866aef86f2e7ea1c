import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { assignmentState } from "./enums.ts";
import { slices } from "./images.ts";
import { studies } from "./studies.ts";
import { users } from "./users.ts";

/** Row-major class indices as runs: see @crowdseg/imaging's LabelRle. */
export type StoredRle = { width: number; height: number; counts: number[] };

/** A rater's hold on a slice: leased until it expires, then completed, skipped or expired. */
export const assignments = pgTable(
  "assignments",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    studyId: integer()
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    sliceId: integer()
      .notNull()
      .references(() => slices.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: assignmentState().notNull().default("leased"),
    leasedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    leaseExpiresAt: timestamp({ withTimezone: true }).notNull(),
    /** last heartbeat of the rater holding the lease; each one moves leaseExpiresAt forward */
    heartbeatAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // a rater never gets the same slice twice, whatever happened to the first lease
    unique("assignments_slice_user_uq").on(t.sliceId, t.userId),
    // no other indexes: every one is rewritten on each lease and submission (the state change is
    // not a HOT update), and the unique and partial indexes here answer every query
    // one task at a time per rater and study, even when the same rater asks twice at once
    uniqueIndex("assignments_one_lease_per_rater_uq")
      .on(t.studyId, t.userId)
      .where(sql`state = 'leased'`),
    // finds the leases that have run out, so they stop counting against k
    index("assignments_lease_expiry_idx")
      .on(t.studyId, t.leaseExpiresAt)
      .where(sql`state = 'leased'`),
  ],
);

export const annotations = pgTable(
  "annotations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    studyId: integer()
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    sliceId: integer()
      .notNull()
      .references(() => slices.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    assignmentId: integer().references(() => assignments.id, { onDelete: "set null" }),
    labels: jsonb().$type<StoredRle>().notNull(),
    durationMs: integer(),
    idempotencyKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("annotations_slice_user_uq").on(t.sliceId, t.userId),
    index("annotations_study_idx").on(t.studyId),
    // a client's retry key names one submission of that rater
    uniqueIndex("annotations_user_idempotency_key_uq")
      .on(t.userId, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
  ],
);

/** Expert ground truth; never shown to raters. */
export const referenceLabels = pgTable("reference_labels", {
  sliceId: integer()
    .primaryKey()
    .references(() => slices.id, { onDelete: "cascade" }),
  studyId: integer()
    .notNull()
    .references(() => studies.id, { onDelete: "cascade" }),
  labels: jsonb().$type<StoredRle>().notNull(),
  source: text().notNull().default("expert"),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Slices whose reference scores raters; mixed into the task stream at the study's gold rate. */
export const goldSlices = pgTable("gold_slices", {
  sliceId: integer()
    .primaryKey()
    .references(() => referenceLabels.sliceId, { onDelete: "cascade" }),
  studyId: integer()
    .notNull()
    .references(() => studies.id, { onDelete: "cascade" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
