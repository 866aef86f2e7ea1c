import { type Database, decodeSoftLabel, softLabels } from "@crowdseg/db";
import { and, eq } from "drizzle-orm";
import { ApiError } from "../api-error.ts";

/** One slice's stored probabilities (class-major) from a fusion run. */
export async function readSoftLabel(db: Database, fusionRunId: number, sliceId: number) {
  const [row] = await db
    .select()
    .from(softLabels)
    .where(and(eq(softLabels.fusionRunId, fusionRunId), eq(softLabels.sliceId, sliceId)));
  if (!row) {
    throw new ApiError(
      404,
      "soft_label_not_found",
      `fusion run ${fusionRunId} has no soft label for slice ${sliceId}`,
    );
  }
  const pixels = row.width * row.height;
  return { ...row, probabilities: decodeSoftLabel(row.probabilities, row.numClasses, pixels) };
}
