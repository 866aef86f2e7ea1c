import type { Database, StudyClass } from "@crowdseg/db";
import { sql } from "drizzle-orm";
import { ApiError } from "../api-error.ts";

/**
 * What a rater gets: the same shape for every slice, gold or not, and nothing that identifies
 * the slice beyond the task, so gold cannot be told apart.
 */
export interface Task {
  id: number;
  studyId: number;
  width: number;
  height: number;
  classes: StudyClass[];
  imageUrl: string;
  leaseExpiresAt: string;
}

type LeaseRow = {
  outcome: "leased" | "none" | "no_study" | "not_rater" | "blocked" | "not_active";
  assignment_id: number | null;
  lease_expires_at: string | Date | null;
  width: number | null;
  height: number | null;
  classes: StudyClass[] | null;
};

/**
 * Leases the rater's next slice of the study (DESIGN.md "Task distribution") or returns null when
 * nothing is left for them. The pick, the checks and the lease are one call of the database
 * function lease_next_task (migrations 0002, 0003): one round trip, one transaction.
 */
export async function leaseNextTask(
  db: Database,
  studyId: number,
  userId: number,
): Promise<Task | null> {
  const result = await db.execute<LeaseRow>(
    sql`select * from lease_next_task(${studyId}, ${userId})`,
  );
  const row = result.rows[0];
  switch (row?.outcome) {
    case "leased":
      return {
        id: row.assignment_id!,
        studyId,
        width: row.width!,
        height: row.height!,
        classes: row.classes!,
        imageUrl: `/api/tasks/${row.assignment_id}/image.png`,
        leaseExpiresAt: new Date(row.lease_expires_at!).toISOString(),
      };
    case "none":
      return null;
    case "blocked":
      throw new ApiError(
        403,
        "rater_blocked",
        `a coordinator has blocked you in study ${studyId}, so it gives you no more tasks`,
      );
    case "not_active":
      throw new ApiError(409, "study_not_active", `study ${studyId} is not taking labels now`);
    default:
      throw new ApiError(
        404,
        "study_not_found",
        `study ${studyId} does not exist or you are not one of its raters`,
      );
  }
}
