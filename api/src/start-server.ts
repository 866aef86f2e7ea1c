import path from "node:path";
import { createDatabase, DirectoryBlobStore, migrate, seedDemoStudy } from "@crowdseg/db";
import { serve } from "@hono/node-server";
import type { Config } from "./config.ts";
import { createApp } from "./create-app.ts";

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
    const seeded = await seedDemoStudy({ db: handle.db, blobs });
    if (seeded) {
      seededStudyId = seeded.studyId;
      log(
        `demo study "${seeded.name}" loaded: ${seeded.volumes} volumes, ${seeded.slices} slices, ` +
          `${seeded.raters} simulated raters, ${seeded.annotations} annotations`,
      );
    }
  }
  const app = createApp({ db: handle.db, blobs });
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
      await handle.close();
    },
  };
}
