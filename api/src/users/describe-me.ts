import { type Database, studies, studyMembers, users } from "@crowdseg/db";
import { asc, eq } from "drizzle-orm";

/** The caller's account and the studies they belong to, with their role and standing in each. */
export async function describeMe(db: Database, userId: number) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  const memberships = await db
    .select({
      studyId: studyMembers.studyId,
      studyName: studies.name,
      role: studyMembers.role,
      blocked: studyMembers.blocked,
    })
    .from(studyMembers)
    .innerJoin(studies, eq(studies.id, studyMembers.studyId))
    .where(eq(studyMembers.userId, userId))
    .orderBy(asc(studyMembers.studyId), asc(studyMembers.role));
  return { user, memberships };
}
