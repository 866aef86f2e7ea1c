import { studies, studyMembers } from "@crowdseg/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestContext,
  createApiTestContext,
  type TestUser,
} from "./testing/api-test-context.ts";

describe("API basics", () => {
  let t: ApiTestContext;
  let member: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createApiTestContext();
    member = await t.user("rater");
    admin = await t.user("admin");
    const rows = await t.handle.db
      .insert(studies)
      .values(
        ["first", "second", "third", "fourth"].map((name) => ({
          name,
          classes: [{ index: 0, name: "background", color: "#000000" }],
        })),
      )
      .returning();
    await t.handle.db
      .insert(studyMembers)
      .values(
        rows
          .slice(0, 3)
          .map((study) => ({ studyId: study.id, userId: member.id, role: "rater" as const })),
      );
  });
  afterAll(() => t.close());

  it("answers /health after touching the database", async () => {
    const response = await t.call("GET", "/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("lists the caller's studies page by page; an admin sees all", async () => {
    const response = await t.call("GET", "/api/studies?limit=2&offset=1", { token: member.token });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { studies: { name: string; sliceCount: number }[] };
    expect(body.studies.map((study) => study.name)).toEqual(["second", "third"]);
    expect(body.studies[0]!.sliceCount).toBe(0);
    const all = await t.call("GET", "/api/studies", { token: admin.token });
    const names = ((await all.json()) as { studies: { name: string }[] }).studies.map(
      (s) => s.name,
    );
    expect(names).toEqual(["first", "second", "third", "fourth"]);
  });

  it("refuses a bad query with the error envelope naming the field", async () => {
    const response = await t.call("GET", "/api/studies?limit=0", { token: member.token });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(/^invalid query: limit: /);
  });

  it("answers an unknown route with a 404 envelope, after authentication under /api", async () => {
    const response = await t.call("GET", "/api/nothing-here", { token: member.token });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "no route for GET /api/nothing-here" },
    });
    expect((await t.call("GET", "/api/nothing-here")).status).toBe(401);
  });

  it("answers malformed JSON with a 400 envelope", async () => {
    const response = await t.call("POST", "/api/auth/login", {
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "invalid_request",
    );
  });
});
