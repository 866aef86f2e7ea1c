import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase } from "./create-test-database.ts";
import type { DatabaseHandle } from "./database.ts";
import { DirectoryBlobStore } from "./directory-blob-store.ts";
import type { Storage } from "./storage.ts";

export interface TestStorage {
  handle: DatabaseHandle;
  storage: Storage;
  /** the blob folder, for tests that look at the files themselves */
  blobRoot: string;
  /** drops the database and deletes the blob folder */
  close(): Promise<void>;
}

/** createTestDatabase plus a temporary blob folder: everything a test needs to hold a study. */
export async function createTestStorage(): Promise<TestStorage> {
  const handle = await createTestDatabase();
  const blobRoot = await mkdtemp(path.join(tmpdir(), "crowdseg-test-blobs-"));
  return {
    handle,
    storage: { db: handle.db, blobs: new DirectoryBlobStore(blobRoot) },
    blobRoot,
    close: async () => {
      await handle.close();
      await rm(blobRoot, { recursive: true, force: true });
    },
  };
}
