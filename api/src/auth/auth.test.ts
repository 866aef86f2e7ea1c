import { authTokens, users } from "@crowdseg/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestContext,
  createApiTestContext,
  TEST_PASSWORD,
} from "../testing/api-test-context.ts";
import { hashToken } from "./auth-token.ts";
import { hashPassword, verifyPassword } from "./password-hash.ts";

describe("passwords", () => {
  it("hash with a fresh salt each time and verify only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("s3cret pass"), hashPassword("s3cret pass")]);
    expect(a).not.toBe(b);
    expect(a).not.toContain("s3cret");
    expect(await verifyPassword("s3cret pass", a)).toBe(true);
    expect(await verifyPassword("s3cret pasS", a)).toBe(false);
    expect(await verifyPassword("s3cret pass", "not-a-hash")).toBe(false);
  });
});

describe(`auth on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let t: ApiTestContext;
  beforeAll(async () => {
    t = await createApiTestContext();
  });
  afterAll(() => t.close());

  it("logs in with the right password, stores only the token's hash, and the token works", async () => {
    const rater = await t.user("rater", "Ada");
    const wrong = await t.call("POST", "/api/auth/login", {
      json: { email: rater.email, password: "nope nope" },
    });
    expect(wrong.status).toBe(401);
    const unknown = await t.call("POST", "/api/auth/login", {
      json: { email: "nobody@test.crowdseg", password: TEST_PASSWORD },
    });
    expect(await unknown.json()).toEqual(await wrong.json());

    const response = await t.call("POST", "/api/auth/login", {
      // emails are matched case-insensitively
      json: { email: rater.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; user: { id: number; role: string } };
    expect(body.user).toMatchObject({ id: rater.id, role: "rater" });
    const stored = await t.handle.db
      .select()
      .from(authTokens)
      .where(eq(authTokens.userId, rater.id));
    expect(stored.map((row) => row.tokenHash)).toContain(hashToken(body.token));
    expect(JSON.stringify(stored)).not.toContain(body.token);

    const me = await t.call("GET", "/api/me", { token: body.token });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { id: rater.id, displayName: "Ada" } });
  });

  it("refuses requests without a token, with a malformed header, or with an unknown token", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Basic abc" },
      { authorization: "Bearer cst_nope" },
    ];
    for (const headers of attempts) {
      const response = await t.call("GET", "/api/me", { headers });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        "unauthenticated",
      );
    }
  });

  it("logout revokes exactly the token used", async () => {
    const user = await t.user("coordinator");
    const other = await t.call("POST", "/api/auth/login", {
      json: { email: user.email, password: TEST_PASSWORD },
    });
    const otherToken = ((await other.json()) as { token: string }).token;
    expect((await t.call("GET", "/api/me", { token: user.token })).status).toBe(200);
    expect((await t.call("POST", "/api/auth/logout", { token: user.token })).status).toBe(204);
    expect((await t.call("GET", "/api/me", { token: user.token })).status).toBe(401);
    expect((await t.call("GET", "/api/me", { token: otherToken })).status).toBe(200);
  });

  it("lets only an admin create users, with hashed passwords, and refuses a taken email", async () => {
    const admin = await t.user("admin");
    const coordinator = await t.user("coordinator");
    const input = {
      email: "New.Person@Test.Crowdseg",
      displayName: "New person",
      role: "researcher",
      password: "long enough password",
    };
    const denied = await t.call("POST", "/api/users", { token: coordinator.token, json: input });
    expect(denied.status).toBe(403);
    const created = await t.call("POST", "/api/users", { token: admin.token, json: input });
    expect(created.status).toBe(201);
    const [row] = await t.handle.db
      .select()
      .from(users)
      .where(eq(users.email, "new.person@test.crowdseg"));
    expect(row!.role).toBe("researcher");
    expect(row!.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword("long enough password", row!.passwordHash!)).toBe(true);

    const again = await t.call("POST", "/api/users", { token: admin.token, json: input });
    expect(again.status).toBe(409);
    const short = await t.call("POST", "/api/users", {
      token: admin.token,
      json: { ...input, email: "x@test.crowdseg", password: "short" },
    });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: { message: string } }).error.message).toMatch(
      /password: use at least 8 characters/,
    );
    const listing = await t.call("GET", "/api/users?limit=200", { token: admin.token });
    const emails = ((await listing.json()) as { users: { email: string }[] }).users.map(
      (u) => u.email,
    );
    expect(emails).toContain("new.person@test.crowdseg");
    expect((await t.call("GET", "/api/users", { token: coordinator.token })).status).toBe(403);
  });
});
