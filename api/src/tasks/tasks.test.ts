import { annotations, assignments } from "@crowdseg/db";
import { decodePng, encodeRle } from "@crowdseg/imaging";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestContext,
  createApiTestContext,
  type TestUser,
} from "../testing/api-test-context.ts";
import { createTestStudy } from "../testing/create-test-study.ts";
import type { Task } from "./lease-next-task.ts";

interface ErrorBody {
  error: { code: string; message: string };
}

describe(`rater tasks on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
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
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { task: Task | null }).task;
  }
  function submit(
    rater: TestUser,
    task: { id: number; width: number; height: number },
    counts?: number[],
    headers: Record<string, string> = {},
  ) {
    const labels = {
      width: task.width,
      height: task.height,
      counts: counts ?? [1, task.width * task.height],
    };
    return t.call("POST", "/api/annotations", {
      token: rater.token,
      json: { taskId: task.id, labels, durationMs: 1234 },
      headers,
    });
  }
  async function sliceOf(taskId: number): Promise<number> {
    const [row] = await t.handle.db
      .select({ sliceId: assignments.sliceId })
      .from(assignments)
      .where(eq(assignments.id, taskId));
    return row!.sliceId;
  }
  async function annotationCount(studyId: number): Promise<number> {
    const [row] = await t.handle.db
      .select({ n: count() })
      .from(annotations)
      .where(eq(annotations.studyId, studyId));
    return row!.n;
  }

  it("gives a task with size, classes and image, and the same task while the lease lives", async () => {
    const study = await createTestStudy(t, { slices: 4 });
    const rater = study.raters[0]!;
    const task = (await next(rater, study.studyId))!;
    expect(Object.keys(task).sort()).toEqual(
      ["classes", "height", "id", "imageUrl", "leaseExpiresAt", "studyId", "width"].sort(),
    );
    expect(task).toMatchObject({ studyId: study.studyId, width: 8, height: 6 });
    expect(task.classes.map((c) => c.name)).toEqual(["background", "LV", "RV"]);
    expect(new Date(task.leaseExpiresAt).getTime()).toBeGreaterThan(Date.now() + 590_000);
    expect((await next(rater, study.studyId))!.id).toBe(task.id);

    const image = await t.call("GET", task.imageUrl, { token: rater.token });
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    const png = decodePng(new Uint8Array(await image.arrayBuffer()));
    expect([png.width, png.height]).toEqual([8, 6]);
    // the slice's intensities run z + x/8 across each row; windowed, they rise left to right
    const row = Array.from(png.gray.subarray(0, 8));
    expect(row).toEqual([...row].sort((a, b) => a - b));
    expect(row[7]!).toBeGreaterThan(row[0]!);
  });

  it("serves the fewest-labelled slices first and never the same slice twice to a rater", async () => {
    const study = await createTestStudy(t, { slices: 3, ratersPerSlice: 2, raters: 4 });
    const seen = new Map<number, number[]>();
    for (const rater of study.raters.slice(0, 3)) {
      const task = (await next(rater, study.studyId))!;
      const sliceId = await sliceOf(task.id);
      seen.set(rater.id, [sliceId]);
      expect((await submit(rater, task)).status).toBe(201);
    }
    // three raters, three slices, each took an unlabelled one
    expect(new Set([...seen.values()].flat()).size).toBe(3);
    const first = study.raters[0]!;
    for (let round = 0; round < 2; round++) {
      const task = (await next(first, study.studyId))!;
      const sliceId = await sliceOf(task.id);
      expect(seen.get(first.id)).not.toContain(sliceId);
      seen.get(first.id)!.push(sliceId);
      expect((await submit(first, task)).status).toBe(201);
    }
    // the first rater has labelled all three slices: nothing is left for them
    expect(await next(first, study.studyId)).toBeNull();
  });

  it("never puts more than k completed or live labels on a slice", async () => {
    const study = await createTestStudy(t, { slices: 2, ratersPerSlice: 2, raters: 5 });
    const tasks = [];
    for (const rater of study.raters) tasks.push(await next(rater, study.studyId));
    // 2 slices × k=2 places: four raters get one, the fifth gets nothing while leases live
    expect(tasks.filter((task) => task !== null)).toHaveLength(4);
    expect(tasks[4]).toBeNull();
    const perSlice = await t.handle.db
      .select({ sliceId: assignments.sliceId, n: count() })
      .from(assignments)
      .where(eq(assignments.studyId, study.studyId))
      .groupBy(assignments.sliceId);
    expect(perSlice.map((row) => row.n)).toEqual([2, 2]);
  });

  it("returns the slice of an expired lease to the pool, and refuses the late submission", async () => {
    const study = await createTestStudy(t, { slices: 1, ratersPerSlice: 1, raters: 2 });
    const [slow, other] = study.raters as [TestUser, TestUser];
    const task = (await next(slow, study.studyId))!;
    expect(await next(other, study.studyId)).toBeNull();
    // let the lease run out (the clock is the database's)
    await t.handle.db
      .update(assignments)
      .set({ leaseExpiresAt: sql`now() - interval '1 second'` })
      .where(eq(assignments.id, task.id));
    const retaken = (await next(other, study.studyId))!;
    expect(await sliceOf(retaken.id)).toBe(await sliceOf(task.id));

    const late = await submit(slow, task);
    expect(late.status).toBe(409);
    expect(((await late.json()) as ErrorBody).error).toMatchObject({ code: "lease_ended" });
    expect((await submit(other, retaken)).status).toBe(201);
    expect(await annotationCount(study.studyId)).toBe(1);
    // the slow rater is not handed the slice back either
    expect(await next(slow, study.studyId)).toBeNull();
    const image = await t.call("GET", task.imageUrl, { token: slow.token });
    expect(image.status).toBe(409);
  });

  it("extends the lease on heartbeat, and only for the holder of a live lease", async () => {
    const study = await createTestStudy(t, { slices: 2, leaseSeconds: 60 });
    const [rater, stranger] = study.raters as [TestUser, TestUser];
    const task = (await next(rater, study.studyId))!;
    await t.handle.db
      .update(assignments)
      .set({ leaseExpiresAt: sql`now() + interval '5 seconds'` })
      .where(eq(assignments.id, task.id));
    const beat = await t.call("POST", `/api/tasks/${task.id}/heartbeat`, { token: rater.token });
    expect(beat.status).toBe(200);
    const { leaseExpiresAt } = (await beat.json()) as { leaseExpiresAt: string };
    expect(new Date(leaseExpiresAt).getTime()).toBeGreaterThan(Date.now() + 50_000);
    const foreign = await t.call("POST", `/api/tasks/${task.id}/heartbeat`, {
      token: stranger.token,
    });
    expect(foreign.status).toBe(404);
    await t.handle.db
      .update(assignments)
      .set({ leaseExpiresAt: sql`now() - interval '1 second'` })
      .where(eq(assignments.id, task.id));
    const dead = await t.call("POST", `/api/tasks/${task.id}/heartbeat`, { token: rater.token });
    expect(dead.status).toBe(409);
  });

  it("skips: the slice goes to others, never back to the skipper", async () => {
    const study = await createTestStudy(t, { slices: 1, ratersPerSlice: 1, raters: 2 });
    const [skipper, other] = study.raters as [TestUser, TestUser];
    const task = (await next(skipper, study.studyId))!;
    expect(
      (await t.call("POST", `/api/tasks/${task.id}/skip`, { token: skipper.token })).status,
    ).toBe(204);
    expect(
      (await t.call("POST", `/api/tasks/${task.id}/skip`, { token: skipper.token })).status,
    ).toBe(409);
    expect(await next(skipper, study.studyId)).toBeNull();
    expect(await next(other, study.studyId)).not.toBeNull();
    expect((await submit(skipper, task)).status).toBe(409);
  });

  it("stores a submission once: a repeat or the same Idempotency-Key returns the first result", async () => {
    const study = await createTestStudy(t, { slices: 3 });
    const rater = study.raters[0]!;
    const task = (await next(rater, study.studyId))!;
    // runs split row by row are accepted and stored merged
    const rowRuns = Array.from({ length: 6 }, () => [1, 4, 0, 4]).flat();
    const first = await submit(rater, task, rowRuns, { "Idempotency-Key": "k-1" });
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const again = await submit(rater, task, rowRuns);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(firstBody);
    const sameKey = await submit(rater, task, undefined, { "Idempotency-Key": "k-1" });
    expect(await sameKey.json()).toEqual(firstBody);
    const [stored] = await t.handle.db
      .select()
      .from(annotations)
      .where(eq(annotations.userId, rater.id));
    expect(await annotationCount(study.studyId)).toBe(1);
    const expected = new Uint8Array(48);
    for (let i = 0; i < 48; i++) expected[i] = i % 8 < 4 ? 1 : 0;
    expect(stored!.labels).toEqual(encodeRle(expected, 8, 6));
    expect(stored!.durationMs).toBe(1234);

    // the key now names that submission: using it for another task is refused
    const second = (await next(rater, study.studyId))!;
    const reused = await submit(rater, second, undefined, { "Idempotency-Key": "k-1" });
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as ErrorBody).error.code).toBe("idempotency_key_reused");
  });

  it("refuses bad label maps with a 4xx that says what is wrong, and stores nothing", async () => {
    const study = await createTestStudy(t, { slices: 2 });
    const rater = study.raters[0]!;
    const task = (await next(rater, study.studyId))!;
    const cases: [string, unknown, number, RegExp][] = [
      ["wrong size", { width: 6, height: 8, counts: [0, 48] }, 422, /6×8 but the slice is 8×6/],
      [
        "class out of range",
        { width: 8, height: 6, counts: [0, 40, 3, 8] },
        422,
        /class 3.*0\.\.2/,
      ],
      ["runs too short", { width: 8, height: 6, counts: [0, 47] }, 422, /cover 47 pixels.*48/],
      ["runs too long", { width: 8, height: 6, counts: [0, 40, 1, 9] }, 422, /cover 49 pixels/],
      ["negative run", { width: 8, height: 6, counts: [0, 50, 1, -2] }, 422, /length -2/],
      ["fractional class", { width: 8, height: 6, counts: [0.5, 48] }, 422, /class 0.5/],
      ["odd counts", { width: 8, height: 6, counts: [0, 40, 1] }, 422, /pairs/],
      ["not a list", { width: 8, height: 6, counts: "0,48" }, 400, /labels\.counts/],
      ["missing size", { counts: [0, 48] }, 400, /labels\.width/],
    ];
    for (const [name, labels, status, message] of cases) {
      const response = await t.call("POST", "/api/annotations", {
        token: rater.token,
        json: { taskId: task.id, labels },
      });
      expect(response.status, name).toBe(status);
      expect(((await response.json()) as ErrorBody).error.message, name).toMatch(message);
    }
    expect(await annotationCount(study.studyId)).toBe(0);
    // the lease is still live and a good label map goes through afterwards
    expect((await submit(rater, task)).status).toBe(201);
  });

  it("refuses a submission without a live lease of the caller and stores nothing", async () => {
    const study = await createTestStudy(t, { slices: 2 });
    const [holder, other] = study.raters as [TestUser, TestUser];
    const task = (await next(holder, study.studyId))!;
    const foreign = await submit(other, task);
    expect(foreign.status).toBe(404);
    const unknown = await submit(holder, { ...task, id: task.id + 10_000 });
    expect(unknown.status).toBe(404);
    await t.handle.db
      .update(assignments)
      .set({ leaseExpiresAt: sql`now() - interval '1 second'` })
      .where(eq(assignments.id, task.id));
    const expired = await submit(holder, task);
    expect(expired.status).toBe(409);
    expect(await annotationCount(study.studyId)).toBe(0);
  });

  it("mixes gold slices in at the study's rate, in the same shape as any task", async () => {
    const allGold = await createTestStudy(t, { slices: 6, gold: 2, goldRate: 1, raters: 1 });
    const rater = allGold.raters[0]!;
    const served: number[] = [];
    const shapes = new Set<string>();
    for (;;) {
      const task = await next(rater, allGold.studyId);
      if (!task) break;
      served.push(await sliceOf(task.id));
      shapes.add(JSON.stringify(Object.keys(task).sort()));
      expect((await submit(rater, task)).status).toBe(201);
    }
    // rate 1: both gold slices come first, then the rest once gold has run out
    expect(served.slice(0, 2).sort()).toEqual([...allGold.goldSliceIds].sort());
    expect(served).toHaveLength(6);
    expect(shapes.size).toBe(1);

    const noGold = await createTestStudy(t, { slices: 6, gold: 2, goldRate: 0, raters: 1 });
    const order: number[] = [];
    for (let task = await next(noGold.raters[0]!, noGold.studyId); task; ) {
      order.push(await sliceOf(task.id));
      expect((await submit(noGold.raters[0]!, task)).status).toBe(201);
      task = await next(noGold.raters[0]!, noGold.studyId);
    }
    // rate 0: gold only once nothing else is left
    expect(order.slice(4).sort()).toEqual([...noGold.goldSliceIds].sort());
  });

  it("keeps the taken counter equal to live and completed assignments through it all", async () => {
    const rows = await t.handle.db.execute<{ id: number; taken: number; actual: number }>(sql`
      select s.id, s.taken_count as taken,
        (select count(*)::int from assignments a where a.slice_id = s.id and a.state in ('leased', 'completed')) as actual
      from slices s`);
    expect(rows.rows.length).toBeGreaterThan(10);
    for (const row of rows.rows) expect(row.taken, `slice ${row.id}`).toBe(row.actual);
    const [completed] = await t.handle.db
      .select({ n: count() })
      .from(assignments)
      .where(eq(assignments.state, "completed"));
    const [stored] = await t.handle.db.select({ n: count() }).from(annotations);
    expect(completed!.n).toBe(stored!.n);
  });
});
