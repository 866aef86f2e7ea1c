import path from "node:path";
import { createDatabase, DirectoryBlobStore, migrate, seedDemoStudy } from "@crowdseg/db";
import { serve } from "@hono/node-server";
import { hashPassword } from "./auth/password-hash.ts";
import type { Config } from "./config.ts";
import { createApp } from "./create-app.ts";
import { createJobQueue } from "./jobs/create-job-queue.ts";
import { defaultJobHandlers } from "./jobs/default-job-handlers.ts";
import type { JobHandlers } from "./jobs/job-handler.ts";
import { requeueUnfinishedRuns } from "./jobs/requeue-unfinished-runs.ts";

export interface RunningServer {
  url: string;
  databaseKind: "postgres" | "pglite";
  /** the demo study's id when this start loaded it, null when the database already had studies */
  seededStudyId: number | null;
  close(): Promise<void>;
}

/** Migrates, loads the demo study into an empty database, and serves the API. */
export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
  handlers: JobHandlers = defaultJobHandlers,
): Promise<RunningServer> {
  const handle = await createDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
  });
  log(
    handle.kind === "postgres"
      ? `database: PostgreSQL ${handle.location}`
      : `database: embedded PGlite in ${handle.location} (set DATABASE_URL to use PostgreSQL)`,
  );
  await migrate(handle);
  const blobs = new DirectoryBlobStore(path.join(config.DATA_DIR, "blobs"));
  let seededStudyId: number | null = null;
  if (config.DEMO_DATA) {
    const seeded = await seedDemoStudy(
      { db: handle.db, blobs },
      { passwordHash: await hashPassword(config.DEMO_PASSWORD) },
    );
    if (seeded) {
      seededStudyId = seeded.studyId;
      log(
        `demo study "${seeded.name}" loaded: ${seeded.volumes} volumes, ${seeded.slices} slices, ` +
          `${seeded.raters} simulated raters, ${seeded.annotations} annotations`,
      );
    }
  }
  const storage = { db: handle.db, blobs };
  const jobs = createJobQueue({
    redisUrl: config.REDIS_URL,
    databaseUrl: config.DATABASE_URL,
    storage,
    handlers,
  });
  if (jobs.kind === "bullmq") {
    log(`jobs: BullMQ on ${config.REDIS_URL}; run \`pnpm worker\` to process them`);
  } else {
    const requeued = await requeueUnfinishedRuns(storage, jobs);
    log(
      `jobs: in this process (set REDIS_URL for BullMQ workers)${requeued ? `; ${requeued} unfinished runs requeued` : ""}`,
    );
  }
  const app = createApp({ ...storage, jobs });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () =>
      resolve(started),
    );
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = `http://${config.HOST}:${port}`;
  return {
    url,
    databaseKind: handle.kind,
    seededStudyId,
    close: async () => {
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await jobs.close();
      await handle.close();
    },
  };
}
