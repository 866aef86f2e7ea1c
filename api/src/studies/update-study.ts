import { annotations, type Database, studies } from "@crowdseg/db";
import { eq, sql } from "drizzle-orm";
import { ApiError } from "../api-error.ts";
import { indexClasses, type StudySettings } from "./study-settings-schema.ts";

export async function updateStudy(db: Database, studyId: number, patch: Partial<StudySettings>) {
  return db.transaction(async (tx) => {
    // stored label maps are class indices: renumbering classes under them would relabel them all
    if (patch.classes) {
      const [labelled] = await tx
        .select({ id: annotations.id })
        .from(annotations)
        .where(eq(annotations.studyId, studyId))
        .limit(1);
      if (labelled) {
        throw new ApiError(
          409,
          "classes_locked",
          `study ${studyId} already has annotations, so its classes can no longer change`,
        );
      }
    }
    const { classes, ...rest } = patch;
    const [study] = await tx
      .update(studies)
      .set({
        ...rest,
        ...(classes ? { classes: indexClasses(classes) } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(studies.id, studyId))
      .returning();
    return study!;
  });
}
