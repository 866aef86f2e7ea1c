/** The choices the run forms offer, in the API's spelling, with words for people. */

export const FUSION_METHOD_OPTIONS = [
  { value: "majority-vote", label: "Majority vote" },
  { value: "rater-mean", label: "Rater mean (soft)" },
  { value: "staple", label: "STAPLE" },
  { value: "reliability-weighted", label: "Reliability-weighted mean" },
] as const;

export const PRIOR_OPTIONS = [
  { value: "sliceConsistency", label: "Consistency between neighbouring slices" },
  { value: "boundarySmoothing", label: "Boundary smoothing" },
  { value: "singleComponent", label: "One connected component per structure" },
  { value: "myocardiumEnclosesLv", label: "Myocardium encloses the LV cavity" },
  { value: "rvAdjacentSeptum", label: "RV beside the septum" },
  { value: "boundaryUncertainty", label: "Uncertainty near the consensus edge" },
] as const;

export const ARCHITECTURE_OPTIONS = [
  { value: "unet", label: "U-Net" },
  { value: "attention-unet", label: "Attention U-Net" },
  { value: "enet", label: "ENet" },
] as const;

export const LOSS_OPTIONS = [
  { value: "ce", label: "Cross-entropy" },
  { value: "dice", label: "Soft Dice" },
  { value: "ce+dice", label: "CE + Dice" },
  { value: "gce", label: "Generalized CE" },
  { value: "nce+rce", label: "NCE + RCE" },
  { value: "nfl+mae", label: "NFL + MAE" },
] as const;

export const IMAGE_SIZES = [64, 96, 128, 192, 256] as const;

export type FusionMethodName = (typeof FUSION_METHOD_OPTIONS)[number]["value"];
export type PriorName = (typeof PRIOR_OPTIONS)[number]["value"];
export type ArchitectureName = (typeof ARCHITECTURE_OPTIONS)[number]["value"];
export type LossName = (typeof LOSS_OPTIONS)[number]["value"];

/** The readable name of a value of one of the lists above, or the value itself. */
export function optionLabel(
  options: readonly { value: string; label: string }[],
  value: string,
): string {
  return options.find((option) => option.value === value)?.label ?? value;
}
