import { encodeRle } from "@crowdseg/imaging";
import {
  deriveSeed,
  generatePhantomStudy,
  type RaterKind,
  raterProfiles,
  SeededRandom,
  simulateRaterLabel,
} from "@crowdseg/phantom";
import { count } from "drizzle-orm";
import { storeVolume } from "../import/store-volume.ts";
import {
  annotations,
  assignments,
  goldSlices,
  type StudyClass,
  studies,
  studyMembers,
  users,
} from "../schema/index.ts";
import type { Storage } from "../storage.ts";

export interface DemoStudyOptions {
  seed?: number;
  /** phantom patients, each imported as an ED and an ES volume */
  patients?: number;
  /** the first this-many patients come with simulated annotations; the rest are open for raters */
  annotatedPatients?: number;
  width?: number;
  height?: number;
  slices?: number;
  /** k of the study; every annotated slice gets exactly k simulated labels */
  ratersPerSlice?: number;
  /** fraction of annotated slices marked gold */
  goldRate?: number;
  /**
   * Stored as every demo user's password hash so the demo accounts can log in. The caller hashes
   * (the API owns the password scheme); without it the accounts exist but cannot log in.
   */
  passwordHash?: string | null;
}

export interface SeededDemoStudy {
  studyId: number;
  name: string;
  volumes: number;
  slices: number;
  raters: number;
  annotations: number;
}

export const DEMO_STUDY_NAME = "Demo: cardiac short-axis phantom";

export const demoClasses: StudyClass[] = [
  { index: 0, name: "background", color: "#000000" },
  { index: 1, name: "RV", color: "#1f77b4" },
  { index: 2, name: "myocardium", color: "#2ca02c" },
  { index: 3, name: "LV cavity", color: "#d62728" },
];

/** The crowd of the demo: one simulated rater per profile, each with known error parameters. */
const demoRaterKinds: RaterKind[] = [
  "expert",
  "careful",
  "over",
  "under",
  "sloppy",
  "skipper",
  "spammer",
];

/**
 * Loads the demo study (phantom volumes with exact reference labels, simulated raters and their
 * annotations) into a database that has no study yet; returns null and changes nothing otherwise.
 * Deterministic in `seed`, so every figure computed from the demo is reproducible.
 */
export async function seedDemoStudy(
  storage: Storage,
  options: DemoStudyOptions = {},
): Promise<SeededDemoStudy | null> {
  const seed = options.seed ?? 20_261_123;
  const patients = options.patients ?? 5;
  const annotatedPatients = Math.min(options.annotatedPatients ?? 4, patients);
  const k = options.ratersPerSlice ?? 5;
  const goldRate = options.goldRate ?? 0.1;
  if (k > demoRaterKinds.length) {
    throw new RangeError(
      `the demo has ${demoRaterKinds.length} raters, so k must be at most that, got ${k}`,
    );
  }
  const { db } = storage;
  const [existing] = await db.select({ n: count() }).from(studies);
  if (existing!.n > 0) return null;

  const phantoms = generatePhantomStudy({
    seed,
    patients,
    width: options.width ?? 128,
    height: options.height ?? 128,
    slices: options.slices ?? 10,
  });

  const passwordHash = options.passwordHash ?? null;
  const staff = await db
    .insert(users)
    .values(
      (
        [
          {
            email: "coordinator@demo.crowdseg",
            displayName: "Demo coordinator",
            role: "coordinator",
          },
          { email: "researcher@demo.crowdseg", displayName: "Demo researcher", role: "researcher" },
          { email: "admin@demo.crowdseg", displayName: "Demo admin", role: "admin" },
        ] as const
      ).map((user) => ({ ...user, passwordHash })),
    )
    .returning();
  const raters = await db
    .insert(users)
    .values(
      demoRaterKinds.map((kind) => ({
        email: `rater-${kind}@demo.crowdseg`,
        displayName: `Demo rater (${kind})`,
        role: "rater" as const,
        passwordHash,
      })),
    )
    .returning();
  const [study] = await db
    .insert(studies)
    .values({
      name: DEMO_STUDY_NAME,
      description:
        "Synthetic short-axis cine MRI (ED and ES) with exact ground truth, labelled by simulated " +
        `raters: ${demoRaterKinds.join(", ")}.`,
      classes: demoClasses,
      ratersPerSlice: k,
      goldRate,
      leaseSeconds: 600,
      createdBy: staff[0]!.id,
    })
    .returning();
  const studyId = study!.id;
  await db
    .insert(studyMembers)
    .values([
      { studyId, userId: staff[0]!.id, role: "coordinator" },
      { studyId, userId: staff[1]!.id, role: "researcher" },
      ...raters.map((rater) => ({ studyId, userId: rater.id, role: "rater" as const })),
    ]);

  let sliceCount = 0;
  let annotationCount = 0;
  let annotatedSliceCount = 0;
  for (const [patientIndex, patient] of phantoms.entries()) {
    for (const volume of [patient.ed, patient.es]) {
      const stored = await storeVolume(storage, {
        studyId,
        name: `${patient.patientId}_${volume.phase}`,
        patientId: patient.patientId,
        phase: volume.phase,
        width: volume.width,
        height: volume.height,
        depth: volume.depth,
        image: volume.image,
        labels: volume.labels,
        spacing: volume.spacing,
        format: "phantom",
        sourceDatatype: "float32",
      });
      sliceCount += stored.sliceIds.length;
      if (patientIndex >= annotatedPatients) continue;

      const sliceSize = volume.width * volume.height;
      const now = Date.now();
      const assignmentRows = [];
      const labelRows = [];
      const goldIds: number[] = [];
      for (const [z, sliceId] of stored.sliceIds.entries()) {
        const truth = volume.labels.subarray(z * sliceSize, (z + 1) * sliceSize);
        // a rotating window of k raters per slice, so every rater sees slices of every kind
        for (let j = 0; j < k; j++) {
          const raterIndex = (annotatedSliceCount + j) % raters.length;
          const rater = raters[raterIndex]!;
          const rng = new SeededRandom(deriveSeed(deriveSeed(seed, sliceId), raterIndex));
          const label = simulateRaterLabel(
            truth,
            volume.width,
            volume.height,
            raterProfiles[demoRaterKinds[raterIndex]!],
            rng,
          );
          const durationMs = Math.round(20_000 + 70_000 * rng.next());
          const finishedAt = new Date(now - (annotatedSliceCount * k + j) * 1000);
          assignmentRows.push({
            studyId,
            sliceId,
            userId: rater.id,
            state: "completed" as const,
            leasedAt: new Date(finishedAt.getTime() - durationMs),
            leaseExpiresAt: new Date(finishedAt.getTime() - durationMs + 600_000),
            finishedAt,
          });
          labelRows.push({
            studyId,
            sliceId,
            userId: rater.id,
            labels: encodeRle(label, volume.width, volume.height),
            durationMs,
            createdAt: finishedAt,
          });
        }
        // spreads gold slices evenly: one each time the running total of goldRate passes a whole number
        if (
          Math.floor((annotatedSliceCount + 1) * goldRate) >
          Math.floor(annotatedSliceCount * goldRate)
        ) {
          goldIds.push(sliceId);
        }
        annotatedSliceCount++;
      }
      const leases = await db
        .insert(assignments)
        .values(assignmentRows)
        .returning({ id: assignments.id });
      await db
        .insert(annotations)
        .values(labelRows.map((row, i) => ({ ...row, assignmentId: leases[i]!.id })));
      if (goldIds.length > 0) {
        await db.insert(goldSlices).values(goldIds.map((sliceId) => ({ sliceId, studyId })));
      }
      annotationCount += labelRows.length;
    }
  }
  return {
    studyId,
    name: DEMO_STUDY_NAME,
    volumes: phantoms.length * 2,
    slices: sliceCount,
    raters: raters.length,
    annotations: annotationCount,
  };
}
