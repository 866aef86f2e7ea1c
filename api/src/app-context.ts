import type { BlobStore, Database } from "@crowdseg/db";

/** What every route may use; built once at start-up and handed to createApp. */
export interface AppDependencies {
  db: Database;
  blobs: BlobStore;
}

export interface AppEnv {
  Variables: { deps: AppDependencies };
}
