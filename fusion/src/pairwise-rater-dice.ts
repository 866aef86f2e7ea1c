import { dice } from "./dice.ts";
import { validateLabelMaps } from "./validate-label-maps.ts";

/**
 * Dice of class `label` between every pair of raters: an R×R matrix (diagonal 1) and the mean
 * over distinct pairs, a reference-free measure of how much the crowd agrees. One rater: mean 1.
 */
export function pairwiseRaterDice(
  labels: readonly Uint8Array[],
  options: { numClasses: number; label?: number },
): { matrix: Float64Array; mean: number } {
  validateLabelMaps(labels, options);
  const r = labels.length;
  const matrix = new Float64Array(r * r);
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < r; i++) {
    matrix[i * r + i] = 1;
    for (let j = i + 1; j < r; j++) {
      const d = dice(labels[i]!, labels[j]!, options);
      matrix[i * r + j] = d;
      matrix[j * r + i] = d;
      sum += d;
      pairs++;
    }
  }
  return { matrix, mean: pairs === 0 ? 1 : sum / pairs };
}
