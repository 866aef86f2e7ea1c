import { type Database, studies } from "@crowdseg/db";
import { asc, sql } from "drizzle-orm";
import type { AuthUser } from "../auth/auth-user.ts";

export interface Page {
  limit: number;
  offset: number;
}

/**
 * The studies the user belongs to (all for an admin), with the counts a dashboard shows. Where
 * the user is only a rater, how the study is run (k, gold rate, lease) is left out, as in the
 * single-study view.
 */
export async function listStudies(db: Database, user: Pick<AuthUser, "id" | "role">, page: Page) {
  const rows = await db
    .select({
      id: studies.id,
      name: studies.name,
      description: studies.description,
      classes: studies.classes,
      ratersPerSlice: studies.ratersPerSlice,
      goldRate: studies.goldRate,
      leaseSeconds: studies.leaseSeconds,
      status: studies.status,
      createdAt: studies.createdAt,
      // drizzle renders a column unqualified inside sql``, which a subquery would bind to its own table
      volumeCount: sql<number>`(select count(*)::int from volumes where volumes.study_id = studies.id)`,
      sliceCount: sql<number>`(select count(*)::int from slices where slices.study_id = studies.id)`,
      annotationCount: sql<number>`(select count(*)::int from annotations where annotations.study_id = studies.id)`,
      myRoles: sql<
        string[]
      >`(select coalesce(array_agg(m.role::text order by m.role), '{}') from study_members m where m.study_id = studies.id and m.user_id = ${user.id})`,
    })
    .from(studies)
    .where(
      user.role === "admin"
        ? undefined
        : sql`exists (select 1 from study_members m where m.study_id = studies.id and m.user_id = ${user.id})`,
    )
    .orderBy(asc(studies.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => {
    const staff = user.role === "admin" || row.myRoles.some((role) => role !== "rater");
    if (staff) return row;
    const { ratersPerSlice: _k, goldRate: _gold, leaseSeconds: _lease, ...forRater } = row;
    return forRater;
  });
}
