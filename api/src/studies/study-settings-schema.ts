import { z } from "zod";

const classSchema = z.object({
  name: z.string().trim().min(1).max(100),
  color: z.string().regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/, "use a hex color such as #1f77b4"),
});

const settingFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000),
  classes: z.array(classSchema).min(2, "a study needs background and at least one class").max(256),
  ratersPerSlice: z.number().int().min(1).max(100),
  goldRate: z.number().min(0).max(1),
  leaseSeconds: z
    .number()
    .int()
    .min(10)
    .max(7 * 24 * 3600),
  status: z.enum(["draft", "active", "closed"]),
};

/**
 * The settings a coordinator chooses. Classes are given in index order, background first; the
 * index of each is its position, so a label map's values and the list cannot disagree.
 */
export const studySettingsSchema = z.object({
  ...settingFields,
  description: settingFields.description.default(""),
  ratersPerSlice: settingFields.ratersPerSlice.default(3),
  goldRate: settingFields.goldRate.default(0.1),
  leaseSeconds: settingFields.leaseSeconds.default(600),
  status: settingFields.status.default("active"),
});

export type StudySettings = z.infer<typeof studySettingsSchema>;

/**
 * Every setting may change later (classes only while the study has no annotations). No defaults
 * here: a setting left out stays as it is.
 */
export const studySettingsPatchSchema = z
  .object(settingFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "change at least one setting");

export function indexClasses(classes: StudySettings["classes"]) {
  return classes.map((entry, index) => ({ index, name: entry.name, color: entry.color }));
}
