import { ACDC_CLASSES, type CardiacClasses } from "@crowdseg/fusion";
import { type BlandAltman, blandAltman } from "./bland-altman.ts";
import { type ClinicalIndices, clinicalIndices } from "./clinical-indices.ts";
import { EvaluationError } from "./evaluation-error.ts";
import { segmentationScores } from "./segmentation-scores.ts";
import type { LabelVolume, VolumeGrid } from "./volume-grid.ts";

export type CardiacPhaseName = "ED" | "ES";

/** One held-out volume: the model's labels and the expert reference on the same grid. */
export interface VolumePair extends VolumeGrid {
  patientId: string;
  phase: CardiacPhaseName;
  predicted: Uint8Array;
  reference: Uint8Array;
}

export type CardiacStructure = "rv" | "myocardium" | "lv";

export interface VolumeScores {
  patientId: string;
  phase: CardiacPhaseName;
  distanceUnit: "mm" | "voxels";
  scores: { structure: CardiacStructure; label: number; dice: number; hd95: number }[];
}

export interface PatientIndices {
  patientId: string;
  predicted: ClinicalIndices;
  reference: ClinicalIndices;
}

export type ClinicalIndexName = "edv" | "esv" | "ejectionFraction" | "myocardialMass";

export type IndexAgreement = BlandAltman & { unit: "mL" | "g" | "voxels" | "fraction" };

export interface VolumeEvaluation {
  /** Dice and HD95 per structure, one row per input volume, in input order. */
  volumes: VolumeScores[];
  /** Clinical indices of every patient with both an ED and an ES volume. */
  patients: PatientIndices[];
  /** Patients lacking ED or ES: scored per volume, but without clinical indices. */
  incompletePatients: string[];
  /** Bland–Altman of predicted against reference per index; null under 2 complete patients. */
  agreement: Record<ClinicalIndexName, IndexAgreement> | null;
}

export interface EvaluateVolumesOptions {
  /** Which label is which structure; default ACDC's. */
  classes?: CardiacClasses;
  /** HD95 from 2D surfaces per slice. Default false (3D, the ACDC challenge's convention). */
  planar?: boolean;
  /** g/mL; default 1.05. */
  myocardialDensity?: number;
}

const STRUCTURES: readonly CardiacStructure[] = ["rv", "myocardium", "lv"];
const INDICES: readonly ClinicalIndexName[] = ["edv", "esv", "ejectionFraction", "myocardialMass"];

/**
 * The evaluation of a trained model against expert truth on held-out volumes: per-structure
 * Dice and HD95 per volume, clinical indices per patient from prediction and reference, and
 * their Bland–Altman agreement across patients.
 */
export function evaluateVolumes(
  pairs: readonly VolumePair[],
  options: EvaluateVolumesOptions = {},
): VolumeEvaluation {
  const classes = options.classes ?? ACDC_CLASSES;
  const labels = STRUCTURES.map((s) => classes[s]);
  const byPatient = groupByPatient(pairs);

  const volumes = pairs.map((pair): VolumeScores => {
    const { scores, distanceUnit } = segmentationScores(pair.predicted, pair.reference, pair, {
      labels,
      planar: options.planar ?? false,
    });
    return {
      patientId: pair.patientId,
      phase: pair.phase,
      distanceUnit,
      scores: scores.map((s, i) => ({ structure: STRUCTURES[i]!, ...s })),
    };
  });

  const patients: PatientIndices[] = [];
  const incompletePatients: string[] = [];
  for (const [patientId, phases] of byPatient) {
    const { ED: ed, ES: es } = phases;
    if (ed === undefined || es === undefined) {
      incompletePatients.push(patientId);
      continue;
    }
    const indicesOf = (source: "predicted" | "reference") => {
      try {
        return clinicalIndices(asLabels(ed, source), asLabels(es, source), {
          classes,
          ...(options.myocardialDensity === undefined
            ? {}
            : { myocardialDensity: options.myocardialDensity }),
        });
      } catch (error) {
        if (error instanceof EvaluationError) {
          throw new EvaluationError(
            error.code,
            `patient ${patientId}, ${source}: ${error.message}`,
          );
        }
        throw error;
      }
    };
    patients.push({
      patientId,
      predicted: indicesOf("predicted"),
      reference: indicesOf("reference"),
    });
  }

  return { volumes, patients, incompletePatients, agreement: agreementOf(patients) };
}

function groupByPatient(
  pairs: readonly VolumePair[],
): Map<string, Partial<Record<CardiacPhaseName, VolumePair>>> {
  const byPatient = new Map<string, Partial<Record<CardiacPhaseName, VolumePair>>>();
  for (const pair of pairs) {
    if (pair.phase !== "ED" && pair.phase !== "ES") {
      throw new EvaluationError("BAD_OPTION", `patient ${pair.patientId}: phase ${pair.phase}.`);
    }
    const phases = byPatient.get(pair.patientId) ?? {};
    if (phases[pair.phase] !== undefined) {
      throw new EvaluationError(
        "DUPLICATE_VOLUME",
        `patient ${pair.patientId} has more than one ${pair.phase} volume.`,
      );
    }
    phases[pair.phase] = pair;
    byPatient.set(pair.patientId, phases);
  }
  return byPatient;
}

function asLabels(pair: VolumePair, source: "predicted" | "reference"): LabelVolume {
  const { width, height, depth, spacing } = pair;
  return { labels: pair[source], width, height, depth, spacing };
}

function agreementOf(patients: PatientIndices[]): VolumeEvaluation["agreement"] {
  if (patients.length < 2) return null;
  const volumeUnit = patients[0]!.reference.volumeUnit;
  if (patients.some((p) => p.reference.volumeUnit !== volumeUnit)) {
    throw new EvaluationError(
      "MIXED_UNITS",
      "some patients have a spacing and some do not: mL and voxels cannot be pooled.",
    );
  }
  const unit: Record<ClinicalIndexName, IndexAgreement["unit"]> = {
    edv: volumeUnit,
    esv: volumeUnit,
    ejectionFraction: "fraction",
    myocardialMass: volumeUnit === "mL" ? "g" : "voxels",
  };
  const entries = INDICES.map((index): [ClinicalIndexName, IndexAgreement] => [
    index,
    {
      ...blandAltman(
        patients.map((p) => p.predicted[index]),
        patients.map((p) => p.reference[index]),
      ),
      unit: unit[index],
    },
  ]);
  return Object.fromEntries(entries) as Record<ClinicalIndexName, IndexAgreement>;
}
