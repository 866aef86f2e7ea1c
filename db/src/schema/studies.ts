import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { memberRole, studyStatus } from "./enums.ts";
import { users } from "./users.ts";

/** A class a rater can paint; index 0 is always background. */
export interface StudyClass {
  index: number;
  name: string;
  color: string;
}

export const studies = pgTable("studies", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull(),
  description: text().notNull().default(""),
  classes: jsonb().$type<StudyClass[]>().notNull(),
  /** k: how many completed labels each slice should get */
  ratersPerSlice: integer().notNull().default(3),
  /** fraction of tasks served from gold slices, 0..1 */
  goldRate: real().notNull().default(0.1),
  leaseSeconds: integer().notNull().default(600),
  status: studyStatus().notNull().default("active"),
  createdBy: integer().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const studyMembers = pgTable(
  "study_members",
  {
    studyId: integer()
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole().notNull(),
    blocked: boolean().notNull().default(false),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.studyId, t.userId, t.role] })],
);

/**
 * A single-use invitation to join a study. Only a SHA-256 of the token is kept; the coordinator
 * sees the token once, when creating the invite, and passes it on to the rater.
 */
export const studyInvites = pgTable(
  "study_invites",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    studyId: integer()
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    role: memberRole().notNull().default("rater"),
    /** when set, only an account with this email may redeem it */
    email: text(),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    redeemedBy: integer().references(() => users.id, { onDelete: "set null" }),
    redeemedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("study_invites_study_idx").on(t.studyId)],
);
