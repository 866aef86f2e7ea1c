import { annotations, fusionRuns, studies } from "@crowdseg/db";
import { decodeRle } from "@crowdseg/imaging";
import { eq } from "drizzle-orm";
import type { JobContext, JobHandler, JobHandlers } from "../job-handler.ts";

/**
 * A handler that does real work on the database: it reads the run's study and every annotation,
 * decodes them, counts pixels per class on a worker thread, and returns the counts as metrics.
 * `failures` makes its first n attempts fail, to exercise retries.
 */
export function histogramHandler(
  options: { failures?: number; failWith?: string } = {},
): JobHandler {
  return async (context: JobContext) => {
    const { db } = context.storage;
    const [run] = await db.select().from(fusionRuns).where(eq(fusionRuns.id, context.runId));
    const [study] = await db.select().from(studies).where(eq(studies.id, run!.studyId));
    const rows = await db.select().from(annotations).where(eq(annotations.studyId, study!.id));
    const numClasses = study!.classes.length;
    const maps = rows.map((row) => decodeRle(row.labels, { numClasses }));
    const failWith =
      context.attempt <= (options.failures ?? 0)
        ? `planned failure ${context.attempt}`
        : options.failWith;
    let pixelsSeen = 0;
    const histogram = await context.runInThread<number[]>(
      {
        module: new URL("./label-histogram-task.ts", import.meta.url).href,
        exportName: "labelHistogramTask",
        input: { maps, numClasses, failWith },
      },
      { onEvent: (event) => (pixelsSeen += (event as { pixels: number }).pixels) },
    );
    return { annotations: rows.length, histogram, attempt: context.attempt, pixelsSeen };
  };
}

export function histogramHandlers(
  options: { failures?: number; failWith?: string } = {},
): JobHandlers {
  const handler = histogramHandler(options);
  return { fusion: handler, training: handler };
}
