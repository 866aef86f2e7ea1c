import path from "node:path";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { DatabaseHandle } from "./database.ts";

export const migrationsFolder = path.resolve(import.meta.dirname, "../migrations");

// any constant works; it only has to be the same in every process that migrates
const MIGRATION_LOCK = 7_364_001;

/**
 * Applies the drizzle-kit migrations. On PostgreSQL an advisory lock serialises API processes and
 * workers that start together, so none sees a half-migrated schema.
 */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const connection = await handle.client.connect();
  try {
    await connection.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrateNodePostgres(drizzlePostgres({ client: connection }), { migrationsFolder });
  } finally {
    await connection.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    connection.release();
  }
}
