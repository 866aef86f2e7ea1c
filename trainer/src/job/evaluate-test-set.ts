import { ACDC_CLASSES } from "@crowdseg/fusion";
import {
  type ClinicalIndexName,
  evaluateVolumes,
  type PatientIndices,
  type VolumePair,
} from "../evaluation/evaluate-volumes.ts";
import { segmentationScores } from "../evaluation/segmentation-scores.ts";

/** A held-out volume with the model's labels and the expert's, on the volume's grid. */
export interface TestVolume {
  volumeId: number;
  patientId: string;
  phase: string | null;
  width: number;
  height: number;
  depth: number;
  spacing: [number, number, number] | null;
  predicted: Uint8Array;
  reference: Uint8Array;
}

export interface VolumeResult {
  volumeId: number;
  patientId: string;
  phase: string | null;
  /** Mean Dice over the foreground structures. */
  meanDice: number;
  /** HD95 is null where it does not exist (a structure in only one of the two label maps). */
  scores: { structure: string; label: number; dice: number; hd95: number | null }[];
}

/** Bland–Altman of one clinical index, without the points (they are in `patients`). */
export interface AgreementSummary {
  n: number;
  bias: number;
  sd: number;
  lowerLimit: number;
  upperLimit: number;
  unit: "mL" | "g" | "voxels" | "fraction";
}

export interface TestSetEvaluation {
  volumes: VolumeResult[];
  /** "voxels" where the volumes have no spacing (then HD95 is in-plane, per slice). */
  distanceUnit: "mm" | "voxels" | null;
  /** Mean Dice per structure over the test volumes, and their mean as `mean`. */
  meanDice: Record<string, number>;
  /** Mean of the finite HD95s per structure; null when none is finite. */
  meanHd95: Record<string, number | null>;
  /** HD95s left out of meanHd95 because the structure was missed or invented outright. */
  undefinedHd95: number;
  /** Clinical indices per patient from the model's labels and the expert's (cardiac studies). */
  patients: PatientIndices[];
  /** Bland–Altman per clinical index across patients; null under two patients. */
  agreement: Record<ClinicalIndexName, AgreementSummary> | null;
  /** Test patients without clinical indices, and why. */
  patientsWithoutIndices: { patientId: string; reason: string }[];
}

const CARDIAC_STRUCTURES = ["rv", "myocardium", "lv"] as const;

/**
 * Scores a trained model's labels on the held-out volumes against the expert reference: Dice and
 * HD95 per structure and volume; for a cardiac study (4 classes, ACDC's order) also EDV, ESV,
 * ejection fraction and myocardial mass per patient and their Bland–Altman agreement, through
 * evaluateVolumes. A patient whose ED labels (predicted or expert) have no LV cavity has no
 * ejection fraction; it is scored per volume and listed with the reason instead of failing the
 * run. Volumes without a spacing are measured in voxels, and their HD95 per slice in-plane,
 * since a slice step is not a pixel step.
 */
export function evaluateTestSet(
  volumes: readonly TestVolume[],
  options: { classes: number },
): TestSetEvaluation {
  const cardiac = options.classes === 4;
  const names = cardiac
    ? [...CARDIAC_STRUCTURES]
    : Array.from({ length: options.classes - 1 }, (_, k) => `class${k + 1}`);
  const labels = names.map((_, k) => k + 1);
  const units = new Set(volumes.map((v) => (v.spacing === null ? "voxels" : "mm")));
  if (units.size > 1) {
    throw new Error("evaluateTestSet: some test volumes have a spacing and some do not.");
  }
  const distanceUnit = volumes.length === 0 ? null : volumes[0]!.spacing === null ? "voxels" : "mm";
  const planar = distanceUnit === "voxels";

  const patientsWithoutIndices: TestSetEvaluation["patientsWithoutIndices"] = [];
  let patients: PatientIndices[] = [];
  let agreement: TestSetEvaluation["agreement"] = null;
  // Scores evaluateVolumes already computed, by volume id, so HD95 is not computed twice.
  const scored = new Map<number, { label: number; dice: number; hd95: number }[]>();
  if (cardiac) {
    const eligible: (VolumePair & { volumeId: number })[] = [];
    for (const [patientId, phases] of groupByPatient(volumes)) {
      const ed = phases.get("ED");
      const es = phases.get("ES");
      const reason =
        ed === undefined || es === undefined
          ? "no ED and ES volume pair"
          : !has(ed.reference, ACDC_CLASSES.lv)
            ? "the expert labels no LV cavity at ED"
            : !has(ed.predicted, ACDC_CLASSES.lv)
              ? "the model labels no LV cavity at ED, so its ejection fraction is undefined"
              : null;
      if (reason !== null || ed === undefined || es === undefined) {
        patientsWithoutIndices.push({ patientId, reason: reason ?? "no ED and ES volume pair" });
        continue;
      }
      for (const [phase, v] of [
        ["ED", ed],
        ["ES", es],
      ] as const) {
        eligible.push({ ...v, patientId, phase });
      }
    }
    if (eligible.length > 0) {
      const evaluation = evaluateVolumes(eligible, { planar });
      for (const [i, v] of evaluation.volumes.entries())
        scored.set(eligible[i]!.volumeId, v.scores);
      patients = evaluation.patients;
      agreement =
        evaluation.agreement === null
          ? null
          : (Object.fromEntries(
              Object.entries(evaluation.agreement).map(([index, a]) => [
                index,
                {
                  n: a.n,
                  bias: a.bias,
                  sd: a.sd,
                  lowerLimit: a.lowerLimit,
                  upperLimit: a.upperLimit,
                  unit: a.unit,
                },
              ]),
            ) as Record<ClinicalIndexName, AgreementSummary>);
    }
  }

  const results = volumes.map((v): VolumeResult => {
    const scores =
      scored.get(v.volumeId) ??
      segmentationScores(v.predicted, v.reference, v, { labels, planar }).scores;
    const named = scores.map((s, k) => ({
      structure: names[k]!,
      label: s.label,
      dice: s.dice,
      hd95: Number.isFinite(s.hd95) ? s.hd95 : null,
    }));
    return {
      volumeId: v.volumeId,
      patientId: v.patientId,
      phase: v.phase,
      meanDice: mean(named.map((s) => s.dice)) ?? 0,
      scores: named,
    };
  });

  const meanDice: Record<string, number> = {};
  const meanHd95: Record<string, number | null> = {};
  let undefinedHd95 = 0;
  for (const [k, name] of names.entries()) {
    meanDice[name] = mean(results.map((r) => r.scores[k]!.dice)) ?? 0;
    const finite = results.map((r) => r.scores[k]!.hd95).filter((h): h is number => h !== null);
    undefinedHd95 += results.length - finite.length;
    meanHd95[name] = mean(finite);
  }
  meanDice.mean = mean(results.map((r) => r.meanDice)) ?? 0;
  return {
    volumes: results,
    distanceUnit,
    meanDice,
    meanHd95,
    undefinedHd95,
    patients,
    agreement,
    patientsWithoutIndices,
  };
}

function groupByPatient(volumes: readonly TestVolume[]): Map<string, Map<string, TestVolume>> {
  const byPatient = new Map<string, Map<string, TestVolume>>();
  for (const v of volumes) {
    const phases = byPatient.get(v.patientId) ?? new Map<string, TestVolume>();
    phases.set(v.phase ?? `volume ${v.volumeId}`, v);
    byPatient.set(v.patientId, phases);
  }
  return byPatient;
}

function has(labels: Uint8Array, label: number): boolean {
  return labels.includes(label);
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
