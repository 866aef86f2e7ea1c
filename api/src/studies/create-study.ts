import { type Database, studies, studyMembers } from "@crowdseg/db";
import { indexClasses, type StudySettings } from "./study-settings-schema.ts";

/** A new study, with its creator as coordinator so they can manage it at once. */
export function createStudy(db: Database, creatorId: number, settings: StudySettings) {
  return db.transaction(async (tx) => {
    const [study] = await tx
      .insert(studies)
      .values({ ...settings, classes: indexClasses(settings.classes), createdBy: creatorId })
      .returning();
    await tx
      .insert(studyMembers)
      .values({ studyId: study!.id, userId: creatorId, role: "coordinator" });
    return study!;
  });
}
