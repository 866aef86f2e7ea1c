import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createTestDatabase,
  type DatabaseHandle,
  DirectoryBlobStore,
  type Storage,
  users,
} from "@crowdseg/db";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { hashPassword } from "../../../api/src/auth/password-hash.ts";
import { createApp } from "../../../api/src/create-app.ts";
import { defaultJobHandlers } from "../../../api/src/jobs/default-job-handlers.ts";
import { createInProcessJobQueue } from "../../../api/src/jobs/in-process-job-queue.ts";
import { registerWebApp } from "../../../api/src/routes/web-app.ts";
import { buildWebApp } from "./build-web-app.ts";

export const E2E_PASSWORD = "e2e password 123";

type Role = (typeof users.$inferSelect)["role"];

export interface E2eUser {
  id: number;
  email: string;
}

export interface WebTestServer {
  url: string;
  /** a fresh database: PostgreSQL when DATABASE_URL is set (as CI runs), else PGlite */
  handle: DatabaseHandle;
  storage: Storage;
  /** an account that logs in with E2E_PASSWORD */
  user(role: Role, displayName?: string): Promise<E2eUser>;
  close(): Promise<void>;
}

let userCounter = 0;

/**
 * The real API (createApp, in-process job queue) on a fresh database, serving a fresh production
 * build of the web app on a free port. The build is mounted beside the API rather than through
 * createApp, so the test serves the code under test even when an older web/dist exists.
 */
export async function startWebTestServer(): Promise<WebTestServer> {
  const [handle, distDir, passwordHash, blobRoot] = await Promise.all([
    createTestDatabase(),
    buildWebApp(),
    hashPassword(E2E_PASSWORD),
    mkdtemp(path.join(tmpdir(), "crowdseg-e2e-blobs-")),
  ]);
  const storage = { db: handle.db, blobs: new DirectoryBlobStore(blobRoot) };
  const jobs = createInProcessJobQueue({ storage, handlers: defaultJobHandlers });
  const api = createApp({ ...storage, jobs });
  const web = new Hono();
  if (!registerWebApp(web, distDir)) throw new Error(`no web build in ${distDir}`);
  const isApi = (pathname: string) => pathname.startsWith("/api/") || pathname === "/health";
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve(
      {
        fetch: (request) =>
          isApi(new URL(request.url).pathname) ? api.fetch(request) : web.fetch(request),
        port: 0,
        hostname: "127.0.0.1",
      },
      () => resolve(started),
    );
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    handle,
    storage,
    async user(role, displayName) {
      userCounter += 1;
      const email = `${role}-${process.pid}-${userCounter}@e2e.crowdseg`;
      const [row] = await handle.db
        .insert(users)
        .values({
          email,
          displayName: displayName ?? `E2E ${role} ${userCounter}`,
          role,
          passwordHash,
        })
        .returning({ id: users.id });
      return { id: row!.id, email };
    },
    close: async () => {
      // SSE streams stay open until their run ends: do not wait for them to drain
      (server as Server).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs.close();
      await handle.close();
      await rm(blobRoot, { recursive: true, force: true });
    },
  };
}
