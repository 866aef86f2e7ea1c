import {
  annotations,
  type Database,
  referenceLabels,
  slices,
  studyMembers,
  users,
  volumes,
} from "@crowdseg/db";
import { and, asc, eq } from "drizzle-orm";
import type { StudyRow } from "../studies/require-study-role.ts";

/** Everything an export holds, with label maps as stored (RLE). */
export async function loadStudyExport(
  db: Database,
  study: StudyRow,
  options: { includeReference: boolean },
) {
  const volumeRows = await db
    .select({
      id: volumes.id,
      name: volumes.name,
      patientId: volumes.patientId,
      phase: volumes.phase,
      width: volumes.width,
      height: volumes.height,
      depth: volumes.depth,
      spacing: volumes.spacing,
    })
    .from(volumes)
    .where(eq(volumes.studyId, study.id))
    .orderBy(asc(volumes.id));
  const sliceRows = await db
    .select({
      id: slices.id,
      volumeId: slices.volumeId,
      indexInVolume: slices.indexInVolume,
      width: slices.width,
      height: slices.height,
      isGold: slices.isGold,
    })
    .from(slices)
    .where(eq(slices.studyId, study.id))
    .orderBy(asc(slices.volumeId), asc(slices.indexInVolume));
  const raters = await db
    .select({ userId: users.id, displayName: users.displayName, blocked: studyMembers.blocked })
    .from(studyMembers)
    .innerJoin(users, eq(users.id, studyMembers.userId))
    .where(and(eq(studyMembers.studyId, study.id), eq(studyMembers.role, "rater")))
    .orderBy(asc(users.id));
  const annotationRows = await db
    .select({
      id: annotations.id,
      sliceId: annotations.sliceId,
      userId: annotations.userId,
      labels: annotations.labels,
      durationMs: annotations.durationMs,
      createdAt: annotations.createdAt,
    })
    .from(annotations)
    .where(eq(annotations.studyId, study.id))
    .orderBy(asc(annotations.id));
  const references = options.includeReference
    ? await db
        .select({ sliceId: referenceLabels.sliceId, labels: referenceLabels.labels })
        .from(referenceLabels)
        .where(eq(referenceLabels.studyId, study.id))
        .orderBy(asc(referenceLabels.sliceId))
    : undefined;
  return {
    format: "crowdseg-export/1",
    study: {
      id: study.id,
      name: study.name,
      classes: study.classes,
      ratersPerSlice: study.ratersPerSlice,
    },
    volumes: volumeRows,
    slices: sliceRows,
    raters,
    annotations: annotationRows,
    ...(references ? { references } : {}),
  };
}

export type StudyExport = Awaited<ReturnType<typeof loadStudyExport>>;
