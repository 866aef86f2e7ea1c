import type { Database } from "@crowdseg/db";
import { sql } from "drizzle-orm";
import { leaseEndedError, taskNotFoundError } from "./lease-ended-error.ts";
import { ownLeaseState } from "./own-lease-state.ts";

/** A heartbeat: the lease runs for the study's lease time again from now. Only a live lease. */
export async function extendLease(db: Database, taskId: number, userId: number) {
  const result = await db.execute<{ lease_expires_at: string | Date }>(sql`
    update assignments a
    set lease_expires_at = now() + make_interval(secs => st.lease_seconds), heartbeat_at = now()
    from studies st
    where a.id = ${taskId} and a.user_id = ${userId} and st.id = a.study_id
      and a.state = 'leased' and a.lease_expires_at > now()
    returning a.lease_expires_at`);
  const row = result.rows[0];
  if (row) return { leaseExpiresAt: new Date(row.lease_expires_at).toISOString() };
  const state = await ownLeaseState(db, taskId, userId);
  throw state ? leaseEndedError(taskId, state) : taskNotFoundError(taskId);
}
