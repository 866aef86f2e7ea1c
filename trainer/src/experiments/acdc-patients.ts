import { readFile } from "node:fs/promises";
import path from "node:path";

/** ACDC patient ids per part of the published split, e.g. "patient001". */
export interface AcdcSplit {
  train: string[];
  validation: string[];
  test: string[];
}

/**
 * The split of `train.list`, `val.list` and `test.list` in the ACDC folder, by patient (the
 * lists name volumes; the train list was made for slices, so only its patient ids are used).
 */
export async function readAcdcSplit(acdcDir: string): Promise<AcdcSplit> {
  const read = async (file: string) => {
    const text = await readFile(path.join(acdcDir, file), "utf8");
    const ids = text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .map((name) => {
        const match = /^(patient\d{3})/.exec(name);
        if (!match) throw new Error(`${file}: "${name}" does not name an ACDC patient.`);
        return match[1]!;
      });
    return [...new Set(ids)].sort();
  };
  return {
    train: await read("train.list"),
    validation: await read("val.list"),
    test: await read("test.list"),
  };
}

/**
 * `count` patients spread evenly over a sorted list. ACDC numbers its patients in blocks of twenty
 * per diagnosis (DCM, HCM, MINF, NOR, RV), so the first few would all share one pathology.
 */
export function spreadPick(patients: readonly string[], count: number): string[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`spreadPick: count must be >= 0, got ${count}.`);
  if (count >= patients.length) return [...patients];
  return Array.from(
    { length: count },
    (_, i) => patients[Math.floor(((i + 0.5) * patients.length) / count)]!,
  );
}
