import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type DatabaseHandle, DirectoryBlobStore, studies } from "@crowdseg/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "./create-app.ts";
import { defaultJobHandlers } from "./jobs/default-job-handlers.ts";
import { createInProcessJobQueue } from "./jobs/in-process-job-queue.ts";

describe("API basics", () => {
  let handle: DatabaseHandle;
  let root: string;
  let app: App;
  beforeAll(async () => {
    handle = await createTestDatabase();
    root = await mkdtemp(path.join(tmpdir(), "crowdseg-api-"));
    const storage = { db: handle.db, blobs: new DirectoryBlobStore(root) };
    app = createApp({
      ...storage,
      jobs: createInProcessJobQueue({ storage, handlers: defaultJobHandlers }),
    });
    await handle.db.insert(studies).values(
      ["first", "second", "third"].map((name) => ({
        name,
        classes: [{ index: 0, name: "background", color: "#000000" }],
      })),
    );
  });
  afterAll(async () => {
    await handle.close();
    await rm(root, { recursive: true, force: true });
  });

  it("answers /health after touching the database", async () => {
    const response = await app.request("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("lists studies page by page", async () => {
    const response = await app.request("/api/studies?limit=2&offset=1");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { studies: { name: string; sliceCount: number }[] };
    expect(body.studies.map((study) => study.name)).toEqual(["second", "third"]);
    expect(body.studies[0]!.sliceCount).toBe(0);
  });

  it("refuses a bad query with the error envelope naming the field", async () => {
    const response = await app.request("/api/studies?limit=0");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(/^invalid query: limit: /);
  });

  it("answers an unknown route with a 404 envelope", async () => {
    const response = await app.request("/api/nothing-here");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "no route for GET /api/nothing-here" },
    });
  });
});
