import type { Database } from "@crowdseg/db";
import { sql } from "drizzle-orm";
import { leaseEndedError, taskNotFoundError } from "./lease-ended-error.ts";
import { ownLeaseState } from "./own-lease-state.ts";

/**
 * The rater passes on a slice: the place goes back to the pool for others, and this rater is not
 * offered the slice again.
 */
export async function skipTask(db: Database, taskId: number, userId: number): Promise<void> {
  const result = await db.execute<{ id: number }>(sql`
    update assignments set state = 'skipped', finished_at = now()
    where id = ${taskId} and user_id = ${userId} and state = 'leased' and lease_expires_at > now()
    returning id`);
  if (result.rows.length > 0) return;
  const state = await ownLeaseState(db, taskId, userId);
  throw state ? leaseEndedError(taskId, state) : taskNotFoundError(taskId);
}
