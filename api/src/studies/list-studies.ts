import { type Database, studies } from "@crowdseg/db";
import { asc, sql } from "drizzle-orm";
import type { AuthUser } from "../auth/auth-user.ts";

export interface Page {
  limit: number;
  offset: number;
}

/** The studies the user belongs to (all for an admin), with the counts a dashboard shows. */
export function listStudies(db: Database, user: Pick<AuthUser, "id" | "role">, page: Page) {
  return db
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
}
