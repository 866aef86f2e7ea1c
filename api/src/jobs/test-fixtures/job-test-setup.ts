import {
  annotations,
  createTestStorage,
  type DatabaseHandle,
  fusionRuns,
  type Storage,
  seedDemoStudy,
} from "@crowdseg/db";
import { decodeRle } from "@crowdseg/imaging";
import { eq } from "drizzle-orm";

export interface JobTestSetup {
  handle: DatabaseHandle;
  storage: Storage;
  studyId: number;
  /** per-class pixel counts over all annotations, computed here, independently of any job */
  expectedHistogram: number[];
  close(): Promise<void>;
}

/** A small demo study (18 annotations of 32×32) in a fresh database. */
export async function setUpJobTest(): Promise<JobTestSetup> {
  const { handle, storage, close } = await createTestStorage();
  const seeded = await seedDemoStudy(storage, {
    patients: 1,
    width: 32,
    height: 32,
    slices: 3,
    ratersPerSlice: 3,
  });
  const rows = await handle.db.select().from(annotations);
  const expectedHistogram = [0, 0, 0, 0];
  for (const row of rows)
    for (const value of decodeRle(row.labels, { numClasses: 4 })) expectedHistogram[value]!++;
  return {
    handle,
    storage,
    studyId: seeded!.studyId,
    expectedHistogram,
    close,
  };
}

export async function createFusionRun(storage: Storage, studyId: number): Promise<number> {
  const [run] = await storage.db
    .insert(fusionRuns)
    .values({ studyId, method: "histogram" })
    .returning({ id: fusionRuns.id });
  return run!.id;
}

/** Polls the run row until its status is one of `statuses`. */
export async function waitForFusionRun(
  storage: Storage,
  runId: number,
  statuses: string[],
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [run] = await storage.db.select().from(fusionRuns).where(eq(fusionRuns.id, runId));
    if (run && statuses.includes(run.status)) return run;
    if (Date.now() > deadline)
      throw new Error(`run ${runId} still ${run?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
