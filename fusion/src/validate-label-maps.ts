import { FusionError } from "./fusion-error.ts";

/**
 * Checks the common contract of every fusion entry point: at least one rater, equal lengths,
 * and class indices below `numClasses`. Returns the voxel count so callers need not re-derive it.
 */
export function validateLabelMaps(
  labels: readonly Uint8Array[],
  options: { numClasses: number; allowEmpty?: boolean },
): number {
  const { numClasses } = options;
  if (!Number.isInteger(numClasses) || numClasses < 2 || numClasses > 256) {
    throw new FusionError(
      "BAD_CLASS_COUNT",
      `numClasses must be an integer in [2, 256], got ${numClasses}`,
    );
  }
  const first = labels[0];
  if (first === undefined) {
    if (options.allowEmpty) return 0;
    throw new FusionError("NO_RATERS", "at least one label map is required");
  }
  const n = first.length;
  for (let r = 0; r < labels.length; r++) {
    const map = labels[r]!;
    if (map.length !== n) {
      throw new FusionError(
        "SIZE_MISMATCH",
        `label map ${r} has ${map.length} voxels, expected ${n}`,
      );
    }
    // A label >= numClasses would silently index past the class-major probability planes.
    for (let i = 0; i < n; i++) {
      if (map[i]! >= numClasses) {
        throw new FusionError(
          "LABEL_OUT_OF_RANGE",
          `label map ${r} has class ${map[i]} at voxel ${i}, but numClasses is ${numClasses}`,
        );
      }
    }
  }
  return n;
}
