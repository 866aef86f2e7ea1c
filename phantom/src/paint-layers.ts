/**
 * One structure as a rater draws it: the region that gets `label` is the union of the truth
 * classes in `fill`, perturbed as one shape. Layers are painted in order, later over earlier.
 * Nesting comes from this: the epicardium is drawn as a filled disc (myocardium + cavity) and
 * the cavity painted over it, so growing or shrinking both contours keeps a closed myocardial
 * ring, which shifting the ring's own pixels would not.
 */
export interface PaintLayer {
  label: number;
  fill: readonly number[];
}

/** ACDC codes: RV first, then the epicardium as a filled disc, then the LV cavity on top. */
export const cardiacPaintLayers: readonly PaintLayer[] = [
  { label: 1, fill: [1] },
  { label: 2, fill: [2, 3] },
  { label: 3, fill: [3] },
];

/** Classes 1..numClasses-1 as unrelated structures, higher codes painted over lower. */
export function independentPaintLayers(numClasses: number): PaintLayer[] {
  if (!Number.isInteger(numClasses) || numClasses < 2 || numClasses > 256) {
    throw new RangeError(
      `independentPaintLayers: numClasses must be an integer in [2, 256], got ${numClasses}`,
    );
  }
  return Array.from({ length: numClasses - 1 }, (_, i) => ({ label: i + 1, fill: [i + 1] }));
}

export function validatePaintLayers(layers: readonly PaintLayer[], numClasses: number): void {
  if (layers.length === 0) throw new RangeError("paint layers: need at least one layer");
  const inRange = (c: number) => Number.isInteger(c) && c >= 1 && c < numClasses;
  for (const layer of layers) {
    if (!inRange(layer.label) || layer.fill.length === 0 || !layer.fill.every(inRange)) {
      throw new RangeError(
        `paint layers: label ${layer.label} / fill [${layer.fill.join(", ")}] must be classes in [1, ${numClasses - 1}]`,
      );
    }
  }
}
