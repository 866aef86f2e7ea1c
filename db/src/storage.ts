import type { BlobStore } from "./blob-store.ts";
import type { Database } from "./database.ts";

/** The database and the blob store, which together hold a study. */
export interface Storage {
  db: Database;
  blobs: BlobStore;
}
