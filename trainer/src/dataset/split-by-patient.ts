import { RandomStream } from "../training/random-stream.ts";

/** Patient ids per part: a patient's ED and ES volumes always land in the same part. */
export interface PatientSplit {
  train: string[];
  validation: string[];
  test: string[];
}

export interface SplitOptions {
  seed: number;
  /** Share of patients for validation (early stopping). Default 0.2; at least one when > 0. */
  validationFraction?: number;
  /** Share of patients held out for the final test. Default 0.2; at least one when > 0. */
  testFraction?: number;
  /**
   * A split fixed in advance (ACDC's published lists). Ids not in the study are refused; study
   * patients in no list go to training when `train` is omitted and are left out otherwise.
   */
  explicit?: { train?: readonly string[]; validation: readonly string[]; test: readonly string[] };
}

/**
 * Splits patients, not slices or volumes, into train / validation / test: neighbouring slices
 * and the two phases of a heart are nearly the same image, so a slice-level split would test on
 * what was trained on.
 */
export function splitByPatient(patientIds: readonly string[], options: SplitOptions): PatientSplit {
  const patients = [...new Set(patientIds)].sort();
  if (patients.length === 0) throw new RangeError("splitByPatient: no patients to split.");
  if (options.explicit) return explicitSplit(patients, options.explicit);

  const validationFraction = options.validationFraction ?? 0.2;
  const testFraction = options.testFraction ?? 0.2;
  for (const [name, value] of [
    ["validationFraction", validationFraction],
    ["testFraction", testFraction],
  ] as const) {
    if (!(value >= 0 && value < 1)) {
      throw new RangeError(`splitByPatient: ${name} must be in [0, 1), got ${value}.`);
    }
  }
  const share = (fraction: number) =>
    fraction > 0 ? Math.max(1, Math.round(patients.length * fraction)) : 0;
  const testCount = share(testFraction);
  const validationCount = share(validationFraction);
  if (testCount + validationCount >= patients.length) {
    throw new RangeError(
      `splitByPatient: ${patients.length} patients cannot give ${testCount} for test, ` +
        `${validationCount} for validation and still leave one to train on.`,
    );
  }
  const order = new RandomStream(options.seed).shuffle([...patients]);
  return {
    test: order.slice(0, testCount).sort(),
    validation: order.slice(testCount, testCount + validationCount).sort(),
    train: order.slice(testCount + validationCount).sort(),
  };
}

function explicitSplit(
  patients: string[],
  explicit: NonNullable<SplitOptions["explicit"]>,
): PatientSplit {
  const known = new Set(patients);
  const seen = new Map<string, string>();
  for (const [part, ids] of [
    ["train", explicit.train ?? []],
    ["validation", explicit.validation],
    ["test", explicit.test],
  ] as const) {
    for (const id of ids) {
      if (!known.has(id)) {
        throw new RangeError(`splitByPatient: ${part} patient "${id}" is not in the study.`);
      }
      const other = seen.get(id);
      if (other !== undefined) {
        throw new RangeError(`splitByPatient: patient "${id}" is in both ${other} and ${part}.`);
      }
      seen.set(id, part);
    }
  }
  const train = explicit.train ? [...explicit.train] : patients.filter((p) => !seen.has(p));
  if (train.length === 0) throw new RangeError("splitByPatient: no patient is left to train on.");
  return {
    train: train.sort(),
    validation: [...explicit.validation].sort(),
    test: [...explicit.test].sort(),
  };
}
