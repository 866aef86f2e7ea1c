import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWebApp } from "./web-app.ts";

describe("registerWebApp", () => {
  let dist: string;
  const app = new Hono();

  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), "crowdseg-web-dist-"));
    await mkdir(path.join(dist, "assets"));
    await writeFile(path.join(dist, "index.html"), "<!doctype html><title>app</title>");
    await writeFile(path.join(dist, "assets", "app-1234.js"), "console.log(1)");
    app.get("/api/known", (c) => c.json({ ok: true }));
    expect(registerWebApp(app, dist)).toBe(true);
    app.notFound((c) => c.json({ error: { code: "not_found" } }, 404));
  });

  afterAll(() => rm(dist, { recursive: true, force: true }));

  it("serves index.html at / and at client routes, never cached stale", async () => {
    for (const target of ["/", "/label/3", "/studies"]) {
      const response = await app.request(target);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/text\/html/);
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(await response.text()).toContain("<title>app</title>");
    }
  });

  it("serves hashed assets with a long cache, and a missing file as a 404", async () => {
    const asset = await app.request("/assets/app-1234.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(await asset.text()).toBe("console.log(1)");
    expect((await app.request("/assets/missing.js")).status).toBe(404);
  });

  it("leaves /api alone: API routes answer, unknown ones stay JSON 404s", async () => {
    expect(await (await app.request("/api/known")).json()).toEqual({ ok: true });
    const unknown = await app.request("/api/unknown");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: "not_found" } });
  });

  it("registers nothing when there is no build", () => {
    expect(registerWebApp(new Hono(), path.join(dist, "nowhere"))).toBe(false);
  });
});
