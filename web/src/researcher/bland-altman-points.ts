export interface PairedMeasurement {
  label: string;
  measured: number;
  reference: number;
}

export interface BlandAltmanPlotData {
  points: { label: string; mean: number; difference: number }[];
  bias: number;
  lowerLimit: number;
  upperLimit: number;
}

/**
 * Bland–Altman of model against expert (Bland & Altman 1986): each pair at (mean, difference),
 * the mean difference as bias, and bias ± 1.96 SD (sample SD) as the limits of agreement.
 * Null under two pairs, where the SD does not exist.
 */
export function blandAltmanPlotData(
  pairs: readonly PairedMeasurement[],
): BlandAltmanPlotData | null {
  const usable = pairs.filter((p) => Number.isFinite(p.measured) && Number.isFinite(p.reference));
  if (usable.length < 2) return null;
  const points = usable.map((p) => ({
    label: p.label,
    mean: (p.measured + p.reference) / 2,
    difference: p.measured - p.reference,
  }));
  const bias = points.reduce((sum, p) => sum + p.difference, 0) / points.length;
  const variance =
    points.reduce((sum, p) => sum + (p.difference - bias) ** 2, 0) / (points.length - 1);
  const sd = Math.sqrt(variance);
  return { points, bias, lowerLimit: bias - 1.96 * sd, upperLimit: bias + 1.96 * sd };
}
