import { ACDC_CLASSES, type CardiacClasses } from "@crowdseg/fusion";
import { EvaluationError } from "./evaluation-error.ts";
import { checkLabelVolume, type LabelVolume } from "./volume-grid.ts";

export interface ClinicalIndices {
  /** LV end-diastolic volume: LV cavity at ED. */
  edv: number;
  /** LV end-systolic volume: LV cavity at ES. */
  esv: number;
  /** (EDV − ESV) / EDV as a fraction (0.6, not 60 %); dimensionless, so valid in voxels too. */
  ejectionFraction: number;
  /** Myocardium at ED × density in g; with no spacing, the myocardial voxel count at ED. */
  myocardialMass: number;
  volumeUnit: "mL" | "voxels";
  massUnit: "g" | "voxels";
}

export interface ClinicalIndexOptions {
  /** Which label is which structure; default ACDC's (LV cavity 3, myocardium 2). */
  classes?: CardiacClasses;
  /** Myocardial density in g/mL; default 1.05, the value used in CMR practice. */
  myocardialDensity?: number;
}

const MM3_PER_ML = 1000;

/**
 * LV volumes, ejection fraction and myocardial mass of one patient from its ED and ES label
 * volumes. When either phase lacks a spacing both are counted in voxels: a voxel count times
 * 1.05 would not be a mass, and a mix of mL and voxels would not be a volume.
 */
export function clinicalIndices(
  ed: LabelVolume,
  es: LabelVolume,
  options: ClinicalIndexOptions = {},
): ClinicalIndices {
  checkLabelVolume("ED", ed.labels, ed);
  checkLabelVolume("ES", es.labels, es);
  const classes = options.classes ?? ACDC_CLASSES;
  const density = options.myocardialDensity ?? 1.05;
  if (!Number.isFinite(density) || density <= 0) {
    throw new EvaluationError("BAD_OPTION", `myocardialDensity must be > 0 g/mL, got ${density}.`);
  }
  if ((ed.spacing === null) !== (es.spacing === null)) {
    throw new EvaluationError(
      "MIXED_UNITS",
      "ED and ES must both have a spacing or both lack one: volumes would mix mL and voxels.",
    );
  }
  const physical = ed.spacing !== null;
  const edv = count(ed.labels, classes.lv) * voxelMl(ed);
  const esv = count(es.labels, classes.lv) * voxelMl(es);
  if (edv === 0) {
    throw new EvaluationError(
      "UNDEFINED_EJECTION_FRACTION",
      `no LV cavity (label ${classes.lv}) at ED: ejection fraction (EDV − ESV)/EDV is 0/0.`,
    );
  }
  const myocardium = count(ed.labels, classes.myocardium) * voxelMl(ed);
  return {
    edv,
    esv,
    ejectionFraction: (edv - esv) / edv,
    myocardialMass: physical ? myocardium * density : myocardium,
    volumeUnit: physical ? "mL" : "voxels",
    massUnit: physical ? "g" : "voxels",
  };
}

/** Volume of one voxel in mL, or 1 (a voxel) when the spacing is unknown. */
function voxelMl(volume: LabelVolume): number {
  const s = volume.spacing;
  return s === null ? 1 : (s[0] * s[1] * s[2]) / MM3_PER_ML;
}

function count(labels: Uint8Array, label: number): number {
  let n = 0;
  for (const v of labels) if (v === label) n++;
  return n;
}
