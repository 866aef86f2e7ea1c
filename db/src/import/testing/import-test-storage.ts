import { readdir } from "node:fs/promises";
import { count } from "drizzle-orm";
import { createTestStorage } from "../../create-test-storage.ts";
import type { DatabaseHandle } from "../../database.ts";
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
  const { handle, storage, blobRoot, close } = await createTestStorage();
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
    close,
  };
}
