import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase } from "./create-database.ts";
import type { DatabaseHandle } from "./database.ts";
import { migrate } from "./migrate.ts";

/**
 * A fresh, migrated database for one test file: a new database on the server named by
 * DATABASE_URL (dropped on close), or an in-memory PGlite when DATABASE_URL is unset. The same
 * tests thus run on both drivers, and parallel test files never see each other's rows.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const handle = await createDatabase({ dataDir: "memory" });
    await migrate(handle);
    return handle;
  }
  const name = `crowdseg_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ databaseUrl: url.toString(), maxConnections: 20 });
  await migrate(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdminClient(adminUrl, (client) =>
        client.query(`drop database if exists "${name}" with (force)`),
      );
    },
  };
}

async function withAdminClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
