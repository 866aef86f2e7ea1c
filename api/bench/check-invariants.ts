import type { Database } from "@crowdseg/db";
import { sql } from "drizzle-orm";

export interface InvariantReport {
  slicesOverK: number;
  slicesOverKWithLiveLeases: number;
  duplicateRaterSlices: number;
  acknowledged: number;
  acknowledgedMissing: number;
  annotations: number;
}

/**
 * What must hold after the load, checked in the database itself: no slice above k labels (nor
 * above k completed + live leases), no rater twice on a slice, every acknowledged submission
 * stored under the right task and rater.
 */
export async function checkInvariants(
  db: Database,
  studyId: number,
  k: number,
  acknowledged: { userId: number; taskId: number; annotationId: number }[],
): Promise<InvariantReport> {
  const one = async (query: ReturnType<typeof sql>) =>
    (await db.execute<{ n: number }>(query)).rows[0]!.n;
  const slicesOverK = await one(sql`
    select count(*)::int as n from (select slice_id from annotations where study_id = ${studyId}
      group by slice_id having count(*) > ${k}) t`);
  const slicesOverKWithLiveLeases = await one(sql`
    select count(*)::int as n from (select slice_id from assignments where study_id = ${studyId}
      and (state = 'completed' or (state = 'leased' and lease_expires_at > now()))
      group by slice_id having count(*) > ${k}) t`);
  const duplicateRaterSlices = await one(sql`
    select count(*)::int as n from (select 1 from assignments where study_id = ${studyId}
      group by slice_id, user_id having count(*) > 1) t`);
  const annotations = await one(
    sql`select count(*)::int as n from annotations where study_id = ${studyId}`,
  );
  let acknowledgedMissing = 0;
  for (let i = 0; i < acknowledged.length; i += 5000) {
    const batch = acknowledged.slice(i, i + 5000);
    const found = await one(sql`
      select count(*)::int as n from annotations a
      join jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
        as ack("userId" int, "taskId" int, "annotationId" int)
        on a.id = ack."annotationId" and a.user_id = ack."userId" and a.assignment_id = ack."taskId"`);
    acknowledgedMissing += batch.length - found;
  }
  return {
    slicesOverK,
    slicesOverKWithLiveLeases,
    duplicateRaterSlices,
    acknowledged: acknowledged.length,
    acknowledgedMissing,
    annotations,
  };
}
