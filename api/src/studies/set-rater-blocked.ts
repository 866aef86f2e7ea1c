import { assignments, type Database, studyMembers } from "@crowdseg/db";
import { and, eq, sql } from "drizzle-orm";
import { ApiError } from "../api-error.ts";

/**
 * Blocks or unblocks a rater of a study. Blocking also ends their live lease, so the slice goes
 * back to the pool at once instead of waiting for the lease to run out. Their past annotations
 * stay; fusion decides what to do with them.
 */
export async function setRaterBlocked(
  db: Database,
  studyId: number,
  userId: number,
  blocked: boolean,
) {
  return db.transaction(async (tx) => {
    const [member] = await tx
      .update(studyMembers)
      .set({ blocked })
      .where(
        and(
          eq(studyMembers.studyId, studyId),
          eq(studyMembers.userId, userId),
          eq(studyMembers.role, "rater"),
        ),
      )
      .returning();
    if (!member) {
      throw new ApiError(
        404,
        "rater_not_found",
        `user ${userId} is not a rater of study ${studyId}`,
      );
    }
    let leasesEnded = 0;
    if (blocked) {
      const ended = await tx
        .update(assignments)
        .set({ state: "expired", finishedAt: sql`now()` })
        .where(
          and(
            eq(assignments.studyId, studyId),
            eq(assignments.userId, userId),
            eq(assignments.state, "leased"),
          ),
        )
        .returning({ id: assignments.id });
      leasesEnded = ended.length;
    }
    return { userId, blocked: member.blocked, leasesEnded };
  });
}
