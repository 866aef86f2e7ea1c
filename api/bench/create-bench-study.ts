import {
  authTokens,
  type Database,
  goldSlices,
  type Storage,
  slices,
  storeVolume,
  studies,
  studyMembers,
  users,
} from "@crowdseg/db";
import { eq } from "drizzle-orm";
import { hashToken, newToken } from "../src/auth/auth-token.ts";

export interface BenchStudyOptions {
  slices: number;
  /** slices per volume; the study is slices / slicesPerVolume volumes */
  slicesPerVolume: number;
  size: number;
  ratersPerSlice: number;
  goldRate: number;
  raters: number;
  name: string;
}

export interface BenchStudy {
  studyId: number;
  /** bearer tokens, one per rater, in rater order */
  tokens: string[];
  userIds: number[];
  width: number;
  height: number;
}

/**
 * A study as the benchmark needs it: tiny slices (the image is never fetched in the loop, so
 * its size only matters for the RLE), every slice with a reference, goldRate of them gold, and
 * raters with tokens issued straight into the database (500 scrypt logins would take a minute).
 */
export async function createBenchStudy(
  storage: Storage,
  options: BenchStudyOptions,
): Promise<BenchStudy> {
  const { db } = storage;
  const { size } = options;
  const [study] = await db
    .insert(studies)
    .values({
      name: options.name,
      classes: [
        { index: 0, name: "background", color: "#000000" },
        { index: 1, name: "LV", color: "#d62728" },
      ],
      ratersPerSlice: options.ratersPerSlice,
      goldRate: options.goldRate,
      leaseSeconds: 600,
    })
    .returning();
  const studyId = study!.id;
  const depth = options.slicesPerVolume;
  const image = new Float32Array(size * size * depth).map((_, i) => i % 251);
  const labels = new Uint8Array(size * size * depth).map((_, i) => (i % size < size / 2 ? 1 : 0));
  for (let v = 0; v < options.slices / depth; v++) {
    await storeVolume(storage, {
      studyId,
      name: `volume-${v}`,
      width: size,
      height: size,
      depth,
      image,
      labels,
      spacing: [1, 1, 1],
      format: "phantom",
      sourceDatatype: "float32",
    });
  }
  await markGold(db, studyId, options.goldRate);

  const emails = Array.from(
    { length: options.raters },
    (_, i) => `bench-${studyId}-${i}@bench.crowdseg`,
  );
  const raters = await db
    .insert(users)
    .values(emails.map((email) => ({ email, displayName: email, role: "rater" as const })))
    .returning({ id: users.id });
  await db
    .insert(studyMembers)
    .values(raters.map((rater) => ({ studyId, userId: rater.id, role: "rater" as const })));
  const tokens = raters.map(() => newToken());
  await db.insert(authTokens).values(
    raters.map((rater, i) => ({
      userId: rater.id,
      tokenHash: hashToken(tokens[i]!),
      label: "bench",
    })),
  );
  return { studyId, tokens, userIds: raters.map((rater) => rater.id), width: size, height: size };
}

async function markGold(db: Database, studyId: number, goldRate: number): Promise<void> {
  const rows = await db.select({ id: slices.id }).from(slices).where(eq(slices.studyId, studyId));
  // every (1/goldRate)-th slice, spread evenly over the study
  const gold = rows.filter((_, i) => Math.floor((i + 1) * goldRate) > Math.floor(i * goldRate));
  for (let i = 0; i < gold.length; i += 5000) {
    await db
      .insert(goldSlices)
      .values(gold.slice(i, i + 5000).map((row) => ({ sliceId: row.id, studyId })));
  }
}
