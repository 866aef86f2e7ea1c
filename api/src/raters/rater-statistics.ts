import type { Database, StoredRle } from "@crowdseg/db";
import { sql } from "drizzle-orm";
import { goldDice } from "./gold-dice.ts";

export interface RaterStatistics {
  userId: number;
  displayName: string;
  email: string;
  blocked: boolean;
  annotations: number;
  medianDurationMs: number | null;
  /** gold slices labelled, and the mean Dice against their reference (null before the first) */
  goldAnnotations: number;
  goldDice: number | null;
  /** from the latest finished fusion run that estimated raters (STAPLE); null before one */
  sensitivity: number | null;
  specificity: number | null;
}

/** Per-rater quality of a study, for every rater or for one (a rater's own score). */
export async function raterStatistics(
  db: Database,
  study: { id: number; classes: unknown[] },
  onlyUserId?: number,
): Promise<RaterStatistics[]> {
  const onlyUser = onlyUserId === undefined ? sql`true` : sql`m.user_id = ${onlyUserId}`;
  const raters = await db.execute<Omit<RaterStatistics, "goldAnnotations" | "goldDice">>(sql`
    select u.id as "userId", u.display_name as "displayName", u.email, m.blocked,
      count(a.id)::int as "annotations",
      percentile_cont(0.5) within group (order by a.duration_ms) as "medianDurationMs",
      e.sensitivity, e.specificity
    from study_members m
    join users u on u.id = m.user_id
    left join annotations a on a.study_id = m.study_id and a.user_id = m.user_id
    left join rater_estimates e on e.user_id = m.user_id and e.fusion_run_id = (
      select r.id from fusion_runs r
      where r.study_id = m.study_id and r.status = 'succeeded'
        and exists (select 1 from rater_estimates x where x.fusion_run_id = r.id)
      order by r.finished_at desc nulls last, r.id desc limit 1)
    where m.study_id = ${study.id} and m.role = 'rater' and ${onlyUser}
    group by u.id, m.blocked, e.sensitivity, e.specificity
    order by u.id`);
  const gold = await db.execute<{ userId: number; labels: StoredRle; reference: StoredRle }>(sql`
    select a.user_id as "userId", a.labels, r.labels as reference
    from annotations a
    join gold_slices g on g.slice_id = a.slice_id
    join reference_labels r on r.slice_id = a.slice_id
    where a.study_id = ${study.id} ${onlyUserId === undefined ? sql`` : sql`and a.user_id = ${onlyUserId}`}`);
  const scores = new Map<number, number[]>();
  for (const row of gold.rows) {
    const score = goldDice(row.labels, row.reference, study.classes.length);
    const list = scores.get(row.userId) ?? [];
    if (score !== null) list.push(score);
    scores.set(row.userId, list);
  }
  return raters.rows.map((rater) => {
    const list = scores.get(rater.userId) ?? [];
    return {
      ...rater,
      medianDurationMs: rater.medianDurationMs === null ? null : Number(rater.medianDurationMs),
      goldAnnotations: list.length,
      goldDice: list.length === 0 ? null : list.reduce((a, b) => a + b, 0) / list.length,
    };
  });
}
