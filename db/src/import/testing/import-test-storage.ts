import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { createTestDatabase } from "../../create-test-database.ts";
import type { DatabaseHandle } from "../../database.ts";
import { DirectoryBlobStore } from "../../directory-blob-store.ts";
import { referenceLabels, type StudyClass, slices, studies, volumes } from "../../schema/index.ts";
import type { Storage } from "../../storage.ts";

export interface ImportTestStorage {
  handle: DatabaseHandle;
  storage: Storage;
  studyId: number;
  /** row counts and every blob file: what a refused import must leave exactly as it was */
  snapshot(): Promise<{ volumes: number; slices: number; references: number; files: string[] }>;
  close(): Promise<void>;
}

/** A fresh database and blob folder with one study of the given classes. */
export async function createImportTestStorage(classNames: string[]): Promise<ImportTestStorage> {
  const handle = await createTestDatabase();
  const blobRoot = await mkdtemp(path.join(tmpdir(), "crowdseg-import-"));
  const storage = { db: handle.db, blobs: new DirectoryBlobStore(blobRoot) };
  const classes: StudyClass[] = classNames.map((name, index) => ({
    index,
    name,
    color: "#ffffff",
  }));
  const [study] = await handle.db
    .insert(studies)
    .values({ name: "import test", classes })
    .returning();
  return {
    handle,
    storage,
    studyId: study!.id,
    async snapshot() {
      const [v] = await handle.db.select({ n: count() }).from(volumes);
      const [s] = await handle.db.select({ n: count() }).from(slices);
      const [r] = await handle.db.select({ n: count() }).from(referenceLabels);
      const files = await readdir(blobRoot, { recursive: true });
      return { volumes: v!.n, slices: s!.n, references: r!.n, files: files.sort() };
    },
    async close() {
      await handle.close();
      await rm(blobRoot, { recursive: true, force: true });
    },
  };
}
