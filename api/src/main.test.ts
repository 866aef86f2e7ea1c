import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../..");

/** `pnpm start` as a user runs it, minus pnpm: the real entry point in its own process. */
function start(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: string[] }> {
  const child = spawn(process.execPath, ["--import", "tsx", "api/src/main.ts"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL printed:\n${output.join("")}`)),
      90_000,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /listening on (http:\/\/\S+)/.exec(output.join(""));
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited with ${code}:\n${output.join("")}`)));
  });
}

describe("pnpm start on a bare machine (no DATABASE_URL, no REDIS_URL)", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("migrates an embedded database, loads the demo study, serves it, and keeps it across restarts", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "crowdseg-start-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env = { PORT: "0", DATA_DIR: dataDir };

    const first = await start(env);
    cleanups.push(async () => void first.child.kill());
    expect(first.output.join("")).toMatch(/embedded PGlite/);
    expect(first.output.join("")).toMatch(
      /demo study "Demo: cardiac short-axis phantom" loaded: 10 volumes, 100 slices/,
    );
    expect(await (await fetch(`${first.url}/health`)).json()).toEqual({ status: "ok" });
    // the demo accounts log in with the documented password
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "coordinator@demo.crowdseg", password: "demo" }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const listing = (await (await fetch(`${first.url}/api/studies`, auth)).json()) as {
      studies: { name: string; sliceCount: number; annotationCount: number }[];
    };
    expect(listing.studies).toMatchObject([
      { name: "Demo: cardiac short-axis phantom", sliceCount: 100, annotationCount: 400 },
    ]);
    await new Promise((resolve) => {
      first.child.once("exit", resolve);
      first.child.kill("SIGTERM");
    });

    const second = await start(env);
    cleanups.push(async () => void second.child.kill());
    expect(second.output.join("")).not.toMatch(/demo study .* loaded/);
    const again = (await (await fetch(`${second.url}/api/studies`, auth)).json()) as {
      studies: unknown[];
    };
    expect(again.studies).toHaveLength(1);
    second.child.kill("SIGTERM");
  });
});
