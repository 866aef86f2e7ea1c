import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Database, DatabaseHandle } from "./database.ts";
import * as schema from "./schema/index.ts";

export interface CreateDatabaseOptions {
  /** PostgreSQL connection string; when absent, embedded PGlite is used */
  databaseUrl?: string | undefined;
  /** root for embedded data; PGlite lives in `<dataDir>/pg`. "memory" keeps it in memory. */
  dataDir?: string | undefined;
  /** node-postgres pool size */
  maxConnections?: number;
}

/**
 * PostgreSQL when a URL is given (production, tests), embedded PGlite otherwise, so that
 * `pnpm start` works on a machine with no database server. Both run the same schema and migrations.
 */
export async function createDatabase(options: CreateDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
    });
    let closing = false;
    // an idle client's error (server restart, dropped database) would otherwise crash the process;
    // the pool replaces the client, and the next query reports any lasting problem
    pool.on("error", (error) => {
      if (!closing) console.error(`PostgreSQL connection lost: ${error.message}`);
    });
    // fail here, with the server's message, rather than at the first query
    const client = await pool.connect().catch(async (error: unknown) => {
      await pool.end();
      throw new Error(
        `cannot connect to PostgreSQL at ${redact(options.databaseUrl!)}: ${String(error)}`,
      );
    });
    client.release();
    const db = drizzlePostgres({ client: pool, schema, casing: "snake_case" });
    return {
      db: db as unknown as Database,
      kind: "postgres",
      client: pool,
      location: redact(options.databaseUrl),
      close: () => {
        closing = true;
        return pool.end();
      },
    };
  }
  const dataDir = options.dataDir ?? "./data";
  let client: PGlite;
  let location: string;
  if (dataDir === "memory") {
    client = new PGlite();
    location = "memory";
  } else {
    location = path.resolve(dataDir, "pg");
    mkdirSync(location, { recursive: true });
    client = new PGlite(location);
  }
  await client.waitReady;
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  return {
    db: db as unknown as Database,
    kind: "pglite",
    client,
    location,
    close: () => client.close(),
  };
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
