import { type Database, studies, studyMembers } from "@crowdseg/db";
import { and, eq } from "drizzle-orm";
import { ApiError } from "../api-error.ts";
import type { AuthUser } from "../auth/auth-user.ts";

export type StudyRole = (typeof studyMembers.$inferSelect)["role"];
export type StudyRow = typeof studies.$inferSelect;

export interface StudyAccess {
  study: StudyRow;
  /** the caller's roles in the study; every role for an admin */
  roles: StudyRole[];
  blocked: boolean;
}

/**
 * The study, if the caller holds one of `roles` in it (admins hold all). A study the caller is
 * no member of answers exactly like one that does not exist, so ids reveal nothing.
 */
export async function requireStudyRole(
  db: Database,
  user: AuthUser,
  studyId: number,
  roles: readonly StudyRole[],
): Promise<StudyAccess> {
  const rows = await db
    .select({ study: studies, role: studyMembers.role, blocked: studyMembers.blocked })
    .from(studies)
    .leftJoin(
      studyMembers,
      and(eq(studyMembers.studyId, studies.id), eq(studyMembers.userId, user.id)),
    )
    .where(eq(studies.id, studyId));
  const study = rows[0]?.study;
  const held = rows.flatMap((row) => (row.role ? [row.role] : []));
  if (!study || (held.length === 0 && user.role !== "admin")) {
    throw new ApiError(404, "study_not_found", `study ${studyId} does not exist`);
  }
  if (user.role === "admin") {
    return { study, roles: ["coordinator", "researcher", "rater"], blocked: false };
  }
  if (!held.some((role) => roles.includes(role))) {
    throw new ApiError(
      403,
      "forbidden",
      `this needs the role ${roles.join(" or ")} in study ${studyId}; you are ${held.join(", ")}`,
    );
  }
  return { study, roles: held, blocked: rows.some((row) => row.blocked) };
}
