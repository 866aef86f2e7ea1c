import { createTestStorage, type DatabaseHandle, type Storage, users } from "@crowdseg/db";
import { issueToken } from "../auth/issue-token.ts";
import { hashPassword } from "../auth/password-hash.ts";
import { type App, createApp } from "../create-app.ts";
import { defaultJobHandlers } from "../jobs/default-job-handlers.ts";
import { createInProcessJobQueue } from "../jobs/in-process-job-queue.ts";

export const TEST_PASSWORD = "correct horse battery";

export interface TestUser {
  id: number;
  email: string;
  token: string;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  body?: string | Uint8Array | FormData;
  headers?: Record<string, string>;
}

/** A fresh database (PostgreSQL or PGlite, as the environment says), a blob folder and the app. */
export interface ApiTestContext {
  handle: DatabaseHandle;
  storage: Storage;
  app: App;
  /** a user with a working token, created straight in the database (no login round trip) */
  user(role: TestUserRole, name?: string): Promise<TestUser>;
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  close(): Promise<void>;
}

type TestUserRole = (typeof users.$inferSelect)["role"];

let passwordHash: Promise<string> | undefined;
let userCounter = 0;

export async function createApiTestContext(): Promise<ApiTestContext> {
  const { handle, storage, close } = await createTestStorage();
  const jobs = createInProcessJobQueue({ storage, handlers: defaultJobHandlers });
  const app = createApp({ ...storage, jobs });
  // scrypt is deliberately slow: hash the shared test password once per test file
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return {
    handle,
    storage,
    app,
    async user(role, name) {
      userCounter += 1;
      const email = `${name ?? role}-${userCounter}@test.crowdseg`.toLowerCase();
      const [row] = await handle.db
        .insert(users)
        .values({ email, displayName: name ?? role, role, passwordHash: await passwordHash })
        .returning({ id: users.id });
      const { token } = await issueToken(handle.db, row!.id);
      return { id: row!.id, email, token };
    },
    call(method, target, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body = options.body;
      if (options.json !== undefined) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(options.json);
      }
      return Promise.resolve(app.request(target, { method, headers, body }));
    },
    async close() {
      await jobs.close();
      await close();
    },
  };
}
