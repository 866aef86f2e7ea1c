import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./create-test-database.ts";
import type { DatabaseHandle } from "./database.ts";
import { migrate } from "./migrate.ts";
import {
  assignments,
  goldSlices,
  referenceLabels,
  slices,
  studies,
  users,
  volumes,
} from "./schema/index.ts";

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
  "study_invites",
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

  it("keeps slices.taken_count and is_gold in step with assignments and gold slices", async () => {
    const [study] = await handle.db
      .insert(studies)
      .values({ name: "counters", classes: [{ index: 0, name: "bg", color: "#000" }] })
      .returning();
    const [volume] = await handle.db
      .insert(volumes)
      .values({
        studyId: study!.id,
        name: "v",
        width: 1,
        height: 1,
        depth: 1,
        format: "png",
        sourceDatatype: "uint8",
      })
      .returning();
    const [slice] = await handle.db
      .insert(slices)
      .values({
        studyId: study!.id,
        volumeId: volume!.id,
        indexInVolume: 0,
        width: 1,
        height: 1,
        imageKey: "k",
        window: { min: 0, max: 1 },
      })
      .returning();
    const raters = await handle.db
      .insert(users)
      .values(["r1", "r2", "r3"].map((name) => ({ email: `${name}@x.org`, displayName: name })))
      .returning();
    const sliceState = async () => {
      const [row] = await handle.db
        .select({ taken: slices.takenCount, gold: slices.isGold })
        .from(slices)
        .where(eq(slices.id, slice!.id));
      return row;
    };
    const lease = { studyId: study!.id, sliceId: slice!.id, leaseExpiresAt: new Date() };
    const [a1, a2] = await handle.db
      .insert(assignments)
      .values([
        { ...lease, userId: raters[0]!.id },
        { ...lease, userId: raters[1]!.id, state: "completed" },
        { ...lease, userId: raters[2]!.id, state: "skipped" },
      ])
      .returning();
    expect(await sliceState()).toEqual({ taken: 2, gold: false });
    // leased → completed keeps the count; leased → expired releases the place
    await handle.db
      .update(assignments)
      .set({ state: "completed" })
      .where(eq(assignments.id, a1!.id));
    expect((await sliceState())!.taken).toBe(2);
    await handle.db.update(assignments).set({ state: "expired" }).where(eq(assignments.id, a1!.id));
    expect((await sliceState())!.taken).toBe(1);
    await handle.db.delete(assignments).where(eq(assignments.id, a2!.id));
    expect((await sliceState())!.taken).toBe(0);

    await handle.db.insert(referenceLabels).values({
      sliceId: slice!.id,
      studyId: study!.id,
      labels: { width: 1, height: 1, counts: [0, 1] },
    });
    await handle.db.insert(goldSlices).values({ sliceId: slice!.id, studyId: study!.id });
    expect((await sliceState())!.gold).toBe(true);
    await handle.db.delete(goldSlices).where(eq(goldSlices.sliceId, slice!.id));
    expect((await sliceState())!.gold).toBe(false);
    // deleting the study cascades through slices and assignments without tripping the trigger
    await handle.db.insert(assignments).values({ ...lease, userId: raters[1]!.id });
    await handle.db.delete(studies).where(eq(studies.id, study!.id));
    expect(await sliceState()).toBeUndefined();
  });
});
