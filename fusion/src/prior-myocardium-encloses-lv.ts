import { argmaxLabels } from "./argmax-labels.ts";
import { ACDC_CLASSES, type CardiacClasses } from "./cardiac-classes.ts";
import { checkClass, priorShape } from "./prior-shape.ts";
import type { VolumeShape } from "./volume-shape.ts";

export interface MyocardiumEnclosesLvOptions {
  numClasses: number;
  classes?: Pick<CardiacClasses, "lv" | "myocardium">;
}

/**
 * Prior "the myocardium encloses the LV cavity": in short axis the blood pool never touches
 * background or RV directly. Every voxel that is not LV or myocardium but is a face neighbour
 * of the consensus LV cavity gets all its non-LV, non-myocardium probability moved to the
 * myocardium, which closes gaps in the ring by one voxel of wall. Where the ring is already
 * closed no voxel qualifies and nothing changes.
 */
export function priorMyocardiumEnclosesLv(
  probabilities: Float32Array,
  shape: VolumeShape,
  options: MyocardiumEnclosesLvOptions,
): Float32Array {
  const c = options.numClasses;
  const { lv, myocardium } = options.classes ?? ACDC_CLASSES;
  checkClass("lv", lv, c);
  checkClass("myocardium", myocardium, c);
  const { width, height, depth, plane, voxels } = priorShape(probabilities, shape, c);
  const hard = argmaxLabels(probabilities, { numClasses: c });
  const out = Float32Array.from(probabilities);
  for (let z = 0; z < depth; z++) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = z * plane + y * width + x;
        const h = hard[i]!;
        if (h === lv || h === myocardium) continue;
        const touchesLv =
          (x > 0 && hard[i - 1] === lv) ||
          (x < width - 1 && hard[i + 1] === lv) ||
          (y > 0 && hard[i - width] === lv) ||
          (y < height - 1 && hard[i + width] === lv);
        if (!touchesLv) continue;
        let moved = 0;
        for (let k = 0; k < c; k++) {
          if (k === lv || k === myocardium) continue;
          moved += out[k * voxels + i]!;
          out[k * voxels + i] = 0;
        }
        out[myocardium * voxels + i] = out[myocardium * voxels + i]! + moved;
      }
    }
  }
  return out;
}
