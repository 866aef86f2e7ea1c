import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./create-test-database.ts";
import type { DatabaseHandle } from "./database.ts";
import { migrate } from "./migrate.ts";
import { studies, users } from "./schema/index.ts";

const expectedTables = [
  "annotations",
  "assignments",
  "auth_tokens",
  "evaluations",
  "fusion_runs",
  "gold_slices",
  "rater_estimates",
  "reference_labels",
  "slices",
  "soft_labels",
  "studies",
  "study_members",
  "training_runs",
  "users",
  "volumes",
];

describe(`migrations on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("runs on the driver the environment asks for", () => {
    expect(handle.kind).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  });

  it("creates every table of the domain", async () => {
    const result = await handle.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(result.rows.map((row) => row.table_name)).toEqual(expectedTables);
  });

  it("is idempotent: a second migrate changes nothing and keeps data", async () => {
    const [user] = await handle.db
      .insert(users)
      .values({ email: "a@example.org", displayName: "A" })
      .returning();
    await migrate(handle);
    const rows = await handle.db.select().from(users);
    expect(rows).toEqual([user]);
  });

  it("enforces the schema's constraints", async () => {
    await expect(
      handle.db.insert(studies).values({
        name: "s",
        classes: [{ index: 0, name: "background", color: "#000000" }],
        status: "bogus" as "active",
      }),
    ).rejects.toThrow();
  });
});
