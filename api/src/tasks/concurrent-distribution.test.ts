import { annotations, assignments } from "@crowdseg/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestContext,
  createApiTestContext,
  type TestUser,
} from "../testing/api-test-context.ts";
import { createTestStudy } from "../testing/create-test-study.ts";
import type { Task } from "./lease-next-task.ts";

describe(`concurrent raters on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let t: ApiTestContext;
  beforeAll(async () => {
    t = await createApiTestContext();
  });
  afterAll(() => t.close());

  async function next(rater: TestUser, studyId: number): Promise<Task | null> {
    const response = await t.call("POST", "/api/tasks/next", {
      token: rater.token,
      json: { studyId },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { task: Task | null }).task;
  }

  async function liveLeases(studyId: number): Promise<number> {
    const result = await t.handle.db.execute<{ n: number }>(sql`
      select count(*)::int as n from assignments
      where study_id = ${studyId} and state = 'leased' and lease_expires_at > now()`);
    return result.rows[0]!.n;
  }

  it("many raters at once never exceed k on a slice, never repeat a slice, and lose no submission", async () => {
    const k = 3;
    const study = await createTestStudy(t, {
      slices: 30,
      ratersPerSlice: k,
      raters: 40,
      gold: 3,
      goldRate: 0.2,
    });
    const acknowledged: { rater: number; annotation: number }[] = [];
    let abandoned = 0;
    let step = 0;
    // every rater loops next-task → submit until nothing is left for them; some walk away from a
    // lease, which runs out while the others keep asking. A place freed that way after a rater
    // stopped is picked up by another round; the run ends when a round hands out nothing.
    let handedOut = 1;
    while (handedOut > 0) {
      handedOut = 0;
      await Promise.all(
        study.raters.map(async (rater) => {
          for (;;) {
            const task = await next(rater, study.studyId);
            if (!task) return;
            handedOut++;
            if (++step % 9 === 0) {
              abandoned++;
              await t.handle.db
                .update(assignments)
                .set({ leaseExpiresAt: sql`now() - interval '1 second'` })
                .where(eq(assignments.id, task.id));
              continue;
            }
            const response = await t.call("POST", "/api/annotations", {
              token: rater.token,
              json: { taskId: task.id, labels: { width: 8, height: 6, counts: [1, 48] } },
            });
            expect(response.status).toBe(201);
            const { annotation } = (await response.json()) as { annotation: { id: number } };
            acknowledged.push({ rater: rater.id, annotation: annotation.id });
          }
        }),
      );
    }
    expect(abandoned).toBeGreaterThan(0);

    const perSlice = await t.handle.db.execute<{ slice_id: number; n: number; raters: number }>(sql`
      select slice_id, count(*)::int as n, count(distinct user_id)::int as raters
      from annotations where study_id = ${study.studyId} group by slice_id`);
    // 40 raters can fill all 30 slices, so every slice ends with exactly k labels from k raters
    expect(perSlice.rows).toHaveLength(30);
    for (const row of perSlice.rows) {
      expect(row.n, `slice ${row.slice_id}`).toBe(k);
      expect(row.raters).toBe(k);
    }
    const stored = await t.handle.db
      .select({ id: annotations.id, userId: annotations.userId })
      .from(annotations)
      .where(eq(annotations.studyId, study.studyId));
    expect(stored.map((row) => row.id).sort()).toEqual(
      acknowledged.map((a) => a.annotation).sort(),
    );
    expect(await liveLeases(study.studyId)).toBe(0);
  });

  it("the same rater asking many times at once holds one lease", async () => {
    const study = await createTestStudy(t, { slices: 10, raters: 1 });
    const rater = study.raters[0]!;
    const tasks = await Promise.all(Array.from({ length: 12 }, () => next(rater, study.studyId)));
    expect(new Set(tasks.map((task) => task!.id)).size).toBe(1);
    const leases = await t.handle.db
      .select()
      .from(assignments)
      .where(eq(assignments.studyId, study.studyId));
    expect(leases).toHaveLength(1);
  });
});
