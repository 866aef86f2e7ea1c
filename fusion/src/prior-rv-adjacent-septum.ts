import { argmaxLabels } from "./argmax-labels.ts";
import { ACDC_CLASSES, type CardiacClasses } from "./cardiac-classes.ts";
import { connectedComponents2d } from "./connected-components.ts";
import { euclideanDistanceTransform } from "./euclidean-distance-transform.ts";
import { checkClass, priorShape } from "./prior-shape.ts";
import type { VolumeShape } from "./volume-shape.ts";

export interface RvAdjacentSeptumOptions {
  numClasses: number;
  classes?: Pick<CardiacClasses, "background" | "rv" | "myocardium">;
  /** Largest gap (in pixels) allowed between an RV region and the myocardium. Default 2. */
  maxGap?: number;
}

/**
 * Prior "the RV lies against the septum": in short axis the RV cavity wraps the interventricular
 * septum, so an RV region further than `maxGap` pixels from the myocardium of its slice is not
 * RV (a stray stroke, or a blob drawn in the wrong chamber); its RV probability goes to the
 * background. Slices with no myocardium are left alone: there is no septum to measure against.
 */
export function priorRvAdjacentSeptum(
  probabilities: Float32Array,
  shape: VolumeShape,
  options: RvAdjacentSeptumOptions,
): Float32Array {
  const c = options.numClasses;
  const { background, rv, myocardium } = options.classes ?? ACDC_CLASSES;
  for (const [name, cls] of [
    ["background", background],
    ["rv", rv],
    ["myocardium", myocardium],
  ] as const) {
    checkClass(name, cls, c);
  }
  const maxGap = options.maxGap ?? 2;
  const { width, height, depth, plane, voxels } = priorShape(probabilities, shape, c);
  const hard = argmaxLabels(probabilities, { numClasses: c });
  const out = Float32Array.from(probabilities);
  const rvMask = Uint8Array.from(hard, (h) => (h === rv ? 1 : 0));
  for (let z = 0; z < depth; z++) {
    const offset = z * plane;
    const myo = new Uint8Array(plane);
    let anyMyo = false;
    for (let j = 0; j < plane; j++) {
      if (hard[offset + j] === myocardium) {
        myo[j] = 1;
        anyMyo = true;
      }
    }
    if (!anyMyo) continue;
    const distance = euclideanDistanceTransform(myo, { width, height });
    const { ids, sizes } = connectedComponents2d(rvMask, width, height, { offset });
    const nearest = new Float64Array(sizes.length).fill(Number.POSITIVE_INFINITY);
    for (let j = 0; j < plane; j++) {
      const id = ids[j]!;
      if (id >= 0 && distance[j]! < nearest[id]!) nearest[id] = distance[j]!;
    }
    for (let j = 0; j < plane; j++) {
      const id = ids[j]!;
      // A component touching the myocardium sits at distance 1 (a face neighbour).
      if (id < 0 || nearest[id]! <= maxGap + 1) continue;
      const i = offset + j;
      out[background * voxels + i] = out[background * voxels + i]! + out[rv * voxels + i]!;
      out[rv * voxels + i] = 0;
    }
  }
  return out;
}
