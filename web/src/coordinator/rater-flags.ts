import type { RaterStatistics } from "../api/api-types.ts";

/** Below these a rater is worth a coordinator's look (not an automatic block). */
export const FLAG_THRESHOLDS = {
  goldDice: 0.7,
  minGoldLabels: 2,
  medianSeconds: 3,
  sensitivity: 0.6,
} as const;

/** Why a rater looks unreliable, in words for the rater table; empty when nothing stands out. */
export function raterFlags(rater: RaterStatistics): string[] {
  const flags: string[] = [];
  if (
    rater.goldDice !== null &&
    rater.goldAnnotations >= FLAG_THRESHOLDS.minGoldLabels &&
    rater.goldDice < FLAG_THRESHOLDS.goldDice
  ) {
    flags.push(`gold Dice below ${FLAG_THRESHOLDS.goldDice}`);
  }
  if (
    rater.medianDurationMs !== null &&
    rater.annotations >= 3 &&
    rater.medianDurationMs < FLAG_THRESHOLDS.medianSeconds * 1000
  ) {
    flags.push(`median time under ${FLAG_THRESHOLDS.medianSeconds} s`);
  }
  if (rater.sensitivity !== null && rater.sensitivity < FLAG_THRESHOLDS.sensitivity) {
    flags.push(`STAPLE sensitivity below ${FLAG_THRESHOLDS.sensitivity}`);
  }
  return flags;
}
