import { type CardiacPhantom, generateCardiacPhantom } from "./cardiac-phantom.ts";
import { deriveSeed } from "./seeded-random.ts";

export interface PhantomPatient extends CardiacPhantom {
  /** "phantom001", ...: stable names for import into a study */
  patientId: string;
}

export interface PhantomStudyOptions {
  seed: number;
  patients: number;
  width?: number;
  height?: number;
  slices?: number;
}

/**
 * A cohort of phantom patients. Patient i is seeded from (seed, i) alone, so the first patients
 * of a larger study are the same as those of a smaller one.
 */
export function generatePhantomStudy(options: PhantomStudyOptions): PhantomPatient[] {
  const { seed, patients, width, height, slices } = options;
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`phantom study: seed must be a safe integer, got ${seed}`);
  if (!Number.isInteger(patients) || patients < 0 || patients > 10000) {
    throw new RangeError(
      `phantom study: patients must be an integer in [0, 10000], got ${patients}`,
    );
  }
  return Array.from({ length: patients }, (_, i) => ({
    patientId: `phantom${String(i + 1).padStart(3, "0")}`,
    ...generateCardiacPhantom({ seed: deriveSeed(seed, i), width, height, slices }),
  }));
}
