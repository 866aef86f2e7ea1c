import type { Database } from "@crowdseg/db";
import { eq } from "drizzle-orm";
import { ApiError } from "../api-error.ts";
import type { AuthUser } from "../auth/auth-user.ts";
import { requireStudyRole } from "../studies/require-study-role.ts";
import type { RunKind } from "./run-kinds.ts";

/**
 * A run the caller may see: researchers and coordinators of its study (admins always). Anyone
 * else gets the same 404 as for a run that does not exist.
 */
export async function findRun(db: Database, user: AuthUser, kind: RunKind, runId: number) {
  const [run] = await db.select().from(kind.table).where(eq(kind.table.id, runId));
  if (!run) throw new ApiError(404, "run_not_found", `${kind.noun} ${runId} does not exist`);
  try {
    await requireStudyRole(db, user, run.studyId, ["researcher", "coordinator"]);
  } catch (error) {
    if (error instanceof ApiError)
      throw new ApiError(404, "run_not_found", `${kind.noun} ${runId} does not exist`);
    throw error;
  }
  return run;
}
