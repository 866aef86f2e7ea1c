import {
  annotations,
  referenceLabels,
  type Storage,
  slices,
  studyMembers,
  users,
  volumes,
} from "@crowdseg/db";
import { decodeRle, encodeRle } from "@crowdseg/imaging";
import {
  deriveSeed,
  type RaterKind,
  raterProfiles,
  SeededRandom,
  simulateRaterLabel,
} from "@crowdseg/phantom";
import { and, asc, eq, inArray } from "drizzle-orm";

export interface SimulateCrowdOptions {
  studyId: number;
  /** Patients whose slices the crowd labels (the test patients need none). */
  patients: readonly string[];
  /** One simulated rater per entry; kinds may repeat. */
  crowd: readonly RaterKind[];
  /** Labels per slice, drawn from the crowd without replacement. */
  perSlice: number;
  seed: number;
  /** Prefix of the raters' e-mail addresses, unique per database. */
  emailPrefix: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SimulatedCrowd {
  raters: { userId: number; kind: RaterKind }[];
  annotations: number;
}

const INSERT_CHUNK = 200;

/**
 * A crowd of simulated non-expert raters (the phantom package's profiles) labelling a study's
 * slices from their expert reference, stored as annotations like real raters' submissions: each
 * slice gets `perSlice` labels from raters drawn at random, so every rater sees every kind of
 * slice and ratings are missing by design. Seeded: the same crowd every time.
 */
export async function simulateCrowd(
  storage: Storage,
  options: SimulateCrowdOptions,
): Promise<SimulatedCrowd> {
  const { db } = storage;
  const { crowd, perSlice } = options;
  if (!Number.isInteger(perSlice) || perSlice < 1 || perSlice > crowd.length) {
    throw new RangeError(
      `simulateCrowd: perSlice must be in [1, ${crowd.length}], got ${perSlice}.`,
    );
  }
  const raters = await db
    .insert(users)
    .values(
      crowd.map((kind, i) => ({
        email: `${options.emailPrefix}-${i}-${kind}@sim.crowdseg`,
        displayName: `Simulated rater ${i} (${kind})`,
        role: "rater" as const,
      })),
    )
    .returning({ id: users.id });
  await db
    .insert(studyMembers)
    .values(
      raters.map((r) => ({ studyId: options.studyId, userId: r.id, role: "rater" as const })),
    );

  const rows = await db
    .select({
      sliceId: slices.id,
      width: slices.width,
      height: slices.height,
      labels: referenceLabels.labels,
    })
    .from(slices)
    .innerJoin(volumes, eq(volumes.id, slices.volumeId))
    .innerJoin(referenceLabels, eq(referenceLabels.sliceId, slices.id))
    .where(
      and(eq(slices.studyId, options.studyId), inArray(volumes.patientId, [...options.patients])),
    )
    .orderBy(asc(slices.id));
  const random = new SeededRandom(options.seed);
  let pending: (typeof annotations.$inferInsert)[] = [];
  let stored = 0;
  for (const [n, row] of rows.entries()) {
    const truth = decodeRle(row.labels, { numClasses: 4 });
    const order = crowd.map((_, r) => r);
    for (let i = order.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const r of order.slice(0, perSlice).sort((a, b) => a - b)) {
      // One stream per slice and rater, so adding raters or slices leaves the others' labels alone.
      const rng = new SeededRandom(deriveSeed(deriveSeed(options.seed, row.sliceId), r));
      const label = simulateRaterLabel(truth, row.width, row.height, raterProfiles[crowd[r]!], rng);
      pending.push({
        studyId: options.studyId,
        sliceId: row.sliceId,
        userId: raters[r]!.id,
        labels: encodeRle(label, row.width, row.height),
        durationMs: Math.round(20_000 + 70_000 * rng.next()),
      });
    }
    if (pending.length >= INSERT_CHUNK || n === rows.length - 1) {
      await db.insert(annotations).values(pending);
      stored += pending.length;
      pending = [];
    }
    options.onProgress?.(n + 1, rows.length);
  }
  return { raters: raters.map((r, i) => ({ userId: r.id, kind: crowd[i]! })), annotations: stored };
}
