import { type Database, slices, volumes } from "@crowdseg/db";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Page } from "./list-studies.ts";

/** A study's slices as a coordinator manages them: where each is, gold or not, how far along. */
export function listSlices(
  db: Database,
  studyId: number,
  filter: Page & { volumeId?: number | undefined },
) {
  return db
    .select({
      id: slices.id,
      volumeId: slices.volumeId,
      volumeName: volumes.name,
      indexInVolume: slices.indexInVolume,
      width: slices.width,
      height: slices.height,
      priority: slices.priority,
      isGold: slices.isGold,
      hasReference: sql<boolean>`exists (select 1 from reference_labels r where r.slice_id = slices.id)`,
      annotationCount: sql<number>`(select count(*)::int from annotations a where a.slice_id = slices.id)`,
      liveLeaseCount: sql<number>`(select count(*)::int from assignments a where a.slice_id = slices.id and a.state = 'leased' and a.lease_expires_at > now())`,
    })
    .from(slices)
    .innerJoin(volumes, eq(volumes.id, slices.volumeId))
    .where(
      and(
        eq(slices.studyId, studyId),
        filter.volumeId === undefined ? undefined : eq(slices.volumeId, filter.volumeId),
      ),
    )
    .orderBy(asc(slices.volumeId), asc(slices.indexInVolume))
    .limit(filter.limit)
    .offset(filter.offset);
}
