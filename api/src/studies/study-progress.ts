import type { Database } from "@crowdseg/db";
import { sql } from "drizzle-orm";

export type StudyProgress = {
  slices: number;
  /** slices with k completed labels */
  done: number;
  /** not done, and at least one live lease */
  inProgress: number;
  /** not done, no live lease */
  open: number;
  annotations: number;
  liveLeases: number;
  goldSlices: number;
  raters: number;
  blockedRaters: number;
};

/** Where a study stands; leases past their expiry count as gone even before they are reaped. */
export async function studyProgress(
  db: Database,
  studyId: number,
  k: number,
): Promise<StudyProgress> {
  const result = await db.execute<StudyProgress>(sql`
    with per_slice as (
      select s.id, s.is_gold,
        (select count(*) from annotations a where a.slice_id = s.id) as labels,
        (select count(*) from assignments a
          where a.slice_id = s.id and a.state = 'leased' and a.lease_expires_at > now()) as leases
      from slices s where s.study_id = ${studyId}
    )
    select
      count(*)::int as "slices",
      count(*) filter (where labels >= ${k})::int as "done",
      count(*) filter (where labels < ${k} and leases > 0)::int as "inProgress",
      count(*) filter (where labels < ${k} and leases = 0)::int as "open",
      coalesce(sum(labels), 0)::int as "annotations",
      coalesce(sum(leases), 0)::int as "liveLeases",
      count(*) filter (where is_gold)::int as "goldSlices",
      (select count(*) from study_members m
        where m.study_id = ${studyId} and m.role = 'rater')::int as "raters",
      (select count(*) from study_members m
        where m.study_id = ${studyId} and m.role = 'rater' and m.blocked)::int as "blockedRaters"
    from per_slice`);
  return result.rows[0]!;
}
