import type { Storage } from "@crowdseg/db";
import { inArray } from "drizzle-orm";
import type { JobQueue } from "./job-queue.ts";
import { queueNames } from "./queue-names.ts";
import { runTables } from "./run-tables.ts";

/**
 * In-process jobs live in memory, so runs that were queued or running when the process stopped
 * would wait forever; at start they go back on the queue. (BullMQ keeps its jobs in Redis.)
 */
export async function requeueUnfinishedRuns(storage: Storage, jobs: JobQueue): Promise<number> {
  let requeued = 0;
  for (const queue of queueNames) {
    const table = runTables[queue];
    const runs = await storage.db
      .select({ id: table.id })
      .from(table)
      .where(inArray(table.status, ["queued", "running"]));
    for (const run of runs) {
      await jobs.enqueue(queue, { runId: run.id });
      requeued++;
    }
  }
  return requeued;
}
