import { decodeRle } from "@crowdseg/imaging";
import { asc, count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStorage, type TestStorage } from "../create-test-storage.ts";
import { readSliceImage } from "../import/read-slice-image.ts";
import {
  annotations,
  goldSlices,
  referenceLabels,
  slices,
  studies,
  users,
} from "../schema/index.ts";
import type { Storage } from "../storage.ts";
import { seedDemoStudy } from "./seed-demo-study.ts";

const options = {
  patients: 2,
  annotatedPatients: 1,
  width: 64,
  height: 64,
  slices: 5,
  ratersPerSlice: 3,
  goldRate: 0.2,
};

describe(`demo study on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  const opened: TestStorage[] = [];
  async function freshStorage(): Promise<Storage> {
    const testStorage = await createTestStorage();
    opened.push(testStorage);
    return testStorage.storage;
  }
  let storage: Storage;
  beforeAll(async () => {
    storage = await freshStorage();
  });
  afterAll(async () => {
    await Promise.all(opened.map((testStorage) => testStorage.close()));
  });

  it("loads phantom volumes, raters and k annotations per annotated slice into an empty database", async () => {
    const seeded = await seedDemoStudy(storage, options);
    expect(seeded).toMatchObject({ volumes: 4, slices: 20, raters: 7, annotations: 10 * 3 });

    const [references] = await storage.db.select({ n: count() }).from(referenceLabels);
    expect(references!.n).toBe(20);
    const perSlice = await storage.db.execute<{ slice_id: number; n: number; raters: number }>(
      sql`select slice_id, count(*)::int as n, count(distinct user_id)::int as raters from annotations group by slice_id`,
    );
    expect(perSlice.rows).toHaveLength(10);
    expect(perSlice.rows.every((row) => row.n === 3 && row.raters === 3)).toBe(true);
    const [gold] = await storage.db.select({ n: count() }).from(goldSlices);
    expect(gold!.n).toBe(2);
    const [raterCount] = await storage.db
      .select({ n: count() })
      .from(users)
      .where(sql`${users.role} = 'rater'`);
    expect(raterCount!.n).toBe(7);
  });

  it("stores images whose reference labels fit them: the LV cavity is brighter than the myocardium", async () => {
    const [slice] = await storage.db
      .select()
      .from(slices)
      .orderBy(asc(slices.id))
      .limit(1)
      .offset(2);
    const image = await readSliceImage(storage, slice!.id);
    const [reference] = await storage.db
      .select()
      .from(referenceLabels)
      .where(sql`${referenceLabels.sliceId} = ${slice!.id}`);
    const labels = decodeRle(reference!.labels, {
      numClasses: 4,
      width: image.width,
      height: image.height,
    });
    const mean = (cls: number) => {
      let sum = 0;
      let n = 0;
      labels.forEach((label, i) => {
        if (label === cls) {
          sum += image.data[i]!;
          n++;
        }
      });
      return sum / n;
    };
    expect(mean(3)).toBeGreaterThan(mean(2) + 0.2);
  });

  it("does nothing when the database already has a study", async () => {
    expect(await seedDemoStudy(storage, options)).toBeNull();
    const [studyCount] = await storage.db.select({ n: count() }).from(studies);
    expect(studyCount!.n).toBe(1);
  });

  it("is deterministic: a second database gets the same annotations", async () => {
    const other = await freshStorage();
    await seedDemoStudy(other, options);
    const labelsOf = (s: Storage) =>
      s.db
        .select({ labels: annotations.labels, durationMs: annotations.durationMs })
        .from(annotations)
        .orderBy(asc(annotations.sliceId), asc(annotations.userId));
    expect(await labelsOf(other)).toEqual(await labelsOf(storage));
  });
});
