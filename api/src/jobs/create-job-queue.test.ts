import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createJobQueue } from "./create-job-queue.ts";
import { defaultJobHandlers } from "./default-job-handlers.ts";

describe("choosing where jobs run", () => {
  const storage = {} as never;

  it("runs jobs in-process when no Redis is configured", async () => {
    const queue = createJobQueue({ storage, handlers: defaultJobHandlers });
    expect(queue.kind).toBe("in-process");
    await queue.close();
  });

  it("refuses Redis without PostgreSQL, since workers elsewhere could not reach the embedded database", () => {
    expect(() =>
      createJobQueue({ redisUrl: "redis://127.0.0.1:6379", storage, handlers: defaultJobHandlers }),
    ).toThrow(/REDIS_URL is set but DATABASE_URL is not/);
  });

  it("`pnpm worker` explains what it needs instead of starting without Redis", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "api/src/worker-main.ts"], {
      cwd: path.resolve(import.meta.dirname, "../../.."),
      env: { PATH: process.env.PATH ?? "" },
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/pnpm worker needs REDIS_URL .* and DATABASE_URL/);
  });
});
