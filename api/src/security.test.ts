import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestContext,
  createApiTestContext,
  type TestUser,
} from "./testing/api-test-context.ts";
import { createTestStudy, type TestStudy } from "./testing/create-test-study.ts";

/** What a rater must never learn: which slices are gold, the reference, other raters' labels. */
describe(`access control on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let t: ApiTestContext;
  let a: TestStudy;
  let b: TestStudy;
  let raterA: TestUser;
  let otherRaterA: TestUser;
  let otherTaskId: number;
  beforeAll(async () => {
    t = await createApiTestContext();
    a = await createTestStudy(t, { slices: 4, gold: 2, goldRate: 0.5, raters: 2 });
    b = await createTestStudy(t, { slices: 2, raters: 1 });
    [raterA, otherRaterA] = a.raters as [TestUser, TestUser];
    const next = await t.call("POST", "/api/tasks/next", {
      token: otherRaterA.token,
      json: { studyId: a.studyId },
    });
    otherTaskId = ((await next.json()) as { task: { id: number } }).task.id;
    await t.call("POST", "/api/annotations", {
      token: otherRaterA.token,
      json: { taskId: otherTaskId, labels: { width: 8, height: 6, counts: [2, 48] } },
    });
  });
  afterAll(() => t.close());

  const as = (user: TestUser, method: string, path: string, json?: unknown) =>
    t.call(method, path, { token: user.token, ...(json === undefined ? {} : { json }) });

  it("a rater cannot see or work in a study they are not a member of", async () => {
    const listing = await as(raterA, "GET", "/api/studies");
    const ids = ((await listing.json()) as { studies: { id: number }[] }).studies.map((s) => s.id);
    expect(ids).toEqual([a.studyId]);
    const notFound = [
      await as(raterA, "GET", `/api/studies/${b.studyId}`),
      await as(raterA, "POST", "/api/tasks/next", { studyId: b.studyId }),
      await as(raterA, "GET", `/api/studies/${b.studyId}/my-quality`),
      await as(raterA, "GET", `/api/studies/${b.studyId}/progress`),
      // a coordinator of study A is a stranger to study B too
      await as(a.coordinator, "GET", `/api/studies/${b.studyId}/slices`),
      await as(a.coordinator, "GET", `/api/studies/${b.studyId}/export`),
    ];
    for (const response of notFound) expect(response.status).toBe(404);
    // a non-existent study answers the same, so ids reveal nothing
    const missing = await as(raterA, "GET", "/api/studies/999999");
    const hidden = await as(raterA, "GET", `/api/studies/${b.studyId}`);
    expect(missing.status).toBe(hidden.status);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe(
      "study 999999 does not exist",
    );
    expect(((await hidden.json()) as { error: { message: string } }).error.message).toBe(
      `study ${b.studyId} does not exist`,
    );
  });

  it("a rater cannot reach the coordinator's routes: slices with gold flags, references, labels, stats", async () => {
    const id = a.studyId;
    const attempts: [string, string, unknown?][] = [
      ["GET", `/api/studies/${id}/slices`],
      ["PUT", `/api/studies/${id}/gold`, { sliceIds: a.sliceIds, gold: false }],
      ["GET", `/api/studies/${id}/export?reference=true`],
      ["GET", `/api/studies/${id}/export?format=png`],
      ["GET", `/api/studies/${id}/raters`],
      ["GET", `/api/studies/${id}/progress`],
      ["PATCH", `/api/studies/${id}`, { goldRate: 0 }],
      ["PATCH", `/api/studies/${id}/raters/${otherRaterA.id}`, { blocked: true }],
      ["POST", `/api/studies/${id}/invites`, {}],
      ["POST", `/api/studies/${id}/volumes`, {}],
      ["POST", "/api/studies", { name: "mine" }],
      ["GET", "/api/users"],
      ["POST", "/api/users", {}],
    ];
    for (const [method, path, body] of attempts) {
      const response = await as(raterA, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(403);
    }
  });

  it("a rater cannot touch another rater's task or label", async () => {
    const attempts: [string, string, unknown?][] = [
      ["GET", `/api/tasks/${otherTaskId}/image.png`],
      ["POST", `/api/tasks/${otherTaskId}/heartbeat`],
      ["POST", `/api/tasks/${otherTaskId}/skip`],
      [
        "POST",
        "/api/annotations",
        { taskId: otherTaskId, labels: { width: 8, height: 6, counts: [0, 48] } },
      ],
    ];
    for (const [method, path, body] of attempts) {
      const response = await as(raterA, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
    }
  });

  it("nothing a rater can read names gold, the reference, or another rater", async () => {
    const task = (
      (await (await as(raterA, "POST", "/api/tasks/next", { studyId: a.studyId })).json()) as {
        task: { id: number };
      }
    ).task;
    const bodies = await Promise.all(
      [
        as(raterA, "GET", `/api/studies/${a.studyId}`),
        as(raterA, "GET", `/api/studies/${a.studyId}/my-quality`),
        as(raterA, "GET", "/api/studies"),
        as(raterA, "GET", "/api/me"),
        as(raterA, "POST", "/api/tasks/next", { studyId: a.studyId }),
        as(raterA, "POST", `/api/tasks/${task.id}/heartbeat`),
      ].map(async (response) => (await response).text()),
    );
    for (const body of bodies) {
      expect(body).not.toMatch(/gold|reference|isGold|sliceId|counts/i);
      expect(body).not.toContain(otherRaterA.email);
    }
    const study = JSON.parse(bodies[0]!) as { study: Record<string, unknown> };
    expect(Object.keys(study.study).sort()).toEqual([
      "classes",
      "description",
      "id",
      "name",
      "status",
    ]);
  });

  it("a blocked rater gets no task, and an unauthenticated caller gets nothing", async () => {
    await as(a.coordinator, "PATCH", `/api/studies/${a.studyId}/raters/${otherRaterA.id}`, {
      blocked: true,
    });
    const response = await as(otherRaterA, "POST", "/api/tasks/next", { studyId: a.studyId });
    expect(response.status).toBe(403);
    for (const path of [
      "/api/studies",
      `/api/studies/${a.studyId}/export`,
      "/api/tasks/1/image.png",
    ]) {
      expect((await t.call("GET", path)).status).toBe(401);
    }
  });
});
