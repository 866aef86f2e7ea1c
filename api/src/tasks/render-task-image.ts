import type { Database, Storage } from "@crowdseg/db";
import { sql } from "drizzle-orm";
import type { AuthUser } from "../auth/auth-user.ts";
import { sliceImagePng } from "../slices/slice-image-png.ts";
import { leaseEndedError, taskNotFoundError } from "./lease-ended-error.ts";

/**
 * The task's slice as an 8-bit grey PNG, windowed with the slice's stored window so the rater
 * sees the same image every time. For the rater holding the live lease, and for the study's
 * coordinators and researchers (an admin too); anyone else is told the task does not exist.
 */
export async function renderTaskImage(
  storage: Storage,
  user: AuthUser,
  taskId: number,
): Promise<Uint8Array> {
  const access = await taskAccess(storage.db, user, taskId);
  if (!access) throw taskNotFoundError(taskId);
  if (!access.staff) {
    if (access.ownState !== "leased") throw leaseEndedError(taskId, access.ownState);
  }
  return sliceImagePng(storage, access.sliceId);
}

async function taskAccess(db: Database, user: AuthUser, taskId: number) {
  const result = await db.execute<{ slice_id: number; own_state: string | null; staff: boolean }>(
    sql`
    select a.slice_id,
      case when a.user_id <> ${user.id} then null
        when a.state = 'leased' and a.lease_expires_at <= now() then 'expired'
        else a.state::text end as own_state,
      ${user.role === "admin"} or exists (select 1 from study_members m
        where m.study_id = a.study_id and m.user_id = ${user.id}
          and m.role in ('coordinator', 'researcher')) as staff
    from assignments a where a.id = ${taskId}`,
  );
  const row = result.rows[0];
  if (!row || (row.own_state === null && !row.staff)) return undefined;
  return { sliceId: row.slice_id, ownState: row.own_state ?? "leased", staff: row.staff };
}
