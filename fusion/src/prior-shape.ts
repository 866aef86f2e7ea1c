import { FusionError } from "./fusion-error.ts";
import { resolveShape, type VolumeShape } from "./volume-shape.ts";

/** Checks class-major probabilities against a stack of 2D slices; returns the plane geometry. */
export function priorShape(
  probabilities: Float32Array,
  shape: VolumeShape,
  numClasses: number,
): { width: number; height: number; depth: number; plane: number; voxels: number } {
  if (!Number.isInteger(numClasses) || numClasses < 2 || numClasses > 256) {
    throw new FusionError("BAD_CLASS_COUNT", `numClasses must be in [2, 256], got ${numClasses}`);
  }
  if (probabilities.length % numClasses !== 0) {
    throw new FusionError("SIZE_MISMATCH", "probabilities are not a whole number of class planes");
  }
  const s = resolveShape(shape, probabilities.length / numClasses);
  return {
    width: s.width,
    height: s.height,
    depth: s.depth,
    plane: s.width * s.height,
    voxels: s.voxels,
  };
}

export function checkClass(name: string, cls: number, numClasses: number): void {
  if (!Number.isInteger(cls) || cls < 0 || cls >= numClasses) {
    throw new FusionError("BAD_OPTION", `${name} class ${cls} is not in [0, ${numClasses})`);
  }
}
