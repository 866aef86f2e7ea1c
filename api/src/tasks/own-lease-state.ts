import { assignments, type Database } from "@crowdseg/db";
import { and, eq, sql } from "drizzle-orm";

/** The state of the caller's own assignment, with an expired-but-unreaped lease called expired. */
export async function ownLeaseState(
  db: Database,
  taskId: number,
  userId: number,
): Promise<string | undefined> {
  const [row] = await db
    .select({
      state: sql<string>`case when ${assignments.state} = 'leased' and ${assignments.leaseExpiresAt} <= now() then 'expired' else ${assignments.state}::text end`,
    })
    .from(assignments)
    .where(and(eq(assignments.id, taskId), eq(assignments.userId, userId)));
  return row?.state;
}
