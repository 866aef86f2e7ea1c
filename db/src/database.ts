import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type pg from "pg";
import type * as schema from "./schema/index.ts";

/** node-postgres and PGlite both answer raw queries with `{ rows }`; this lets `execute` say so. */
export interface RowsQueryResultHKT extends PgQueryResultHKT {
  type: RowsQueryResult<this["row"]>;
}

export interface RowsQueryResult<Row> {
  rows: Row[];
}

/** A drizzle database over the CrowdSeg schema, whichever driver is underneath. */
export type Database = PgDatabase<RowsQueryResultHKT, typeof schema>;

export type DatabaseHandle = (
  | { kind: "postgres"; client: pg.Pool }
  | { kind: "pglite"; client: PGlite }
) & {
  db: Database;
  /** where it lives: the URL without password, or the PGlite directory ("memory" when in-memory) */
  location: string;
  close(): Promise<void>;
};
