import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { importNiftiVolume, type Storage, type StudyClass, studies } from "@crowdseg/db";

export const ACDC_STUDY_CLASSES: StudyClass[] = [
  { index: 0, name: "background", color: "#000000" },
  { index: 1, name: "RV", color: "#1f77b4" },
  { index: 2, name: "myocardium", color: "#2ca02c" },
  { index: 3, name: "LV cavity", color: "#d62728" },
];

export interface ImportAcdcOptions {
  acdcDir: string;
  patients: readonly string[];
  name: string;
  /** k of the study: crowd labels wanted per slice. */
  ratersPerSlice: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportedAcdcStudy {
  studyId: number;
  volumes: number;
  slices: number;
}

/**
 * A new study of ACDC patients: each patient's two frames as ED (the lower frame number) and ES
 * volumes with the expert labels as reference, through the ordinary NIfTI import. The shared copy
 * reset the voxel size to 1, so the spacing is stored as unknown and volumes count voxels.
 */
export async function importAcdcStudy(
  storage: Storage,
  options: ImportAcdcOptions,
): Promise<ImportedAcdcStudy> {
  const [study] = await storage.db
    .insert(studies)
    .values({
      name: options.name,
      description:
        "ACDC cine MRI (Bernard et al., IEEE TMI 2018), expert labels as reference; voxel units.",
      classes: ACDC_STUDY_CLASSES,
      ratersPerSlice: options.ratersPerSlice,
      goldRate: 0,
    })
    .returning();
  const studyId = study!.id;
  let volumes = 0;
  let slices = 0;
  for (const [i, patientId] of options.patients.entries()) {
    const frames = await framesOf(options.acdcDir, patientId);
    for (const [phase, frame] of [
      ["ED", frames[0]!],
      ["ES", frames[1]!],
    ] as const) {
      const base = path.join(options.acdcDir, `${patientId}_${frame}`);
      const stored = await importNiftiVolume(storage, {
        studyId,
        name: `${patientId}_${frame}`,
        patientId,
        phase,
        image: await readFile(`${base}.nii.gz`),
        labels: await readFile(`${base}_gt.nii.gz`),
        spacingKnown: false,
      });
      volumes++;
      slices += stored.sliceIds.length;
    }
    options.onProgress?.(i + 1, options.patients.length);
  }
  return { studyId, volumes, slices };
}

/** The patient's two frames, lower number (end-diastole) first. */
async function framesOf(acdcDir: string, patientId: string): Promise<[string, string]> {
  const frames = (await readdir(acdcDir))
    .map((file) => new RegExp(`^${patientId}_(frame\\d+)\\.nii\\.gz$`).exec(file)?.[1])
    .filter((frame): frame is string => frame !== undefined)
    .sort();
  if (frames.length !== 2) {
    throw new Error(
      `ACDC ${patientId}: expected an ED and an ES frame in ${acdcDir}, found ${frames.length}.`,
    );
  }
  return [frames[0]!, frames[1]!];
}
