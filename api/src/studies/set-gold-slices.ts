import { type Database, goldSlices, referenceLabels, slices } from "@crowdseg/db";
import { and, eq, inArray } from "drizzle-orm";
import { ApiError } from "../api-error.ts";

/**
 * Marks slices gold (scored against their reference) or takes the mark off. All or nothing: a
 * slice of another study, or one without a reference, refuses the whole request.
 */
export async function setGoldSlices(
  db: Database,
  studyId: number,
  sliceIds: number[],
  gold: boolean,
): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ id: slices.id, reference: referenceLabels.sliceId })
      .from(slices)
      .leftJoin(referenceLabels, eq(referenceLabels.sliceId, slices.id))
      .where(and(eq(slices.studyId, studyId), inArray(slices.id, sliceIds)));
    const known = new Set(found.map((row) => row.id));
    const foreign = sliceIds.filter((id) => !known.has(id));
    if (foreign.length > 0) {
      throw new ApiError(
        422,
        "unknown_slices",
        `study ${studyId} has no slices ${foreign.join(", ")}`,
      );
    }
    if (!gold) {
      const removed = await tx
        .delete(goldSlices)
        .where(and(eq(goldSlices.studyId, studyId), inArray(goldSlices.sliceId, sliceIds)))
        .returning({ id: goldSlices.sliceId });
      return { changed: removed.length };
    }
    const unreferenced = found.filter((row) => row.reference === null).map((row) => row.id);
    if (unreferenced.length > 0) {
      throw new ApiError(
        422,
        "no_reference",
        `a gold slice is scored against its reference, and slices ${unreferenced.join(", ")} have none; upload reference labels first`,
      );
    }
    const added = await tx
      .insert(goldSlices)
      .values(sliceIds.map((sliceId) => ({ sliceId, studyId })))
      .onConflictDoNothing()
      .returning({ id: goldSlices.sliceId });
    return { changed: added.length };
  });
}
