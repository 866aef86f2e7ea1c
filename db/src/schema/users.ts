import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { userRole } from "./enums.ts";

export const users = pgTable("users", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  email: text().notNull().unique(),
  displayName: text().notNull(),
  // scrypt hash with its salt and parameters; never the password itself
  passwordHash: text(),
  role: userRole().notNull().default("rater"),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Bearer tokens and sessions; only a SHA-256 of the token is stored, so a leaked table logs nobody in. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    label: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("auth_tokens_user_idx").on(t.userId)],
);
