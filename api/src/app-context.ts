import type { BlobStore, Database } from "@crowdseg/db";
import type { JobQueue } from "./jobs/job-queue.ts";

/** What every route may use; built once at start-up and handed to createApp. */
export interface AppDependencies {
  db: Database;
  blobs: BlobStore;
  jobs: JobQueue;
}

export interface AppEnv {
  Variables: { deps: AppDependencies };
}
