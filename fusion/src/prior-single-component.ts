import { argmaxLabels } from "./argmax-labels.ts";
import { connectedComponents2d } from "./connected-components.ts";
import { checkClass, priorShape } from "./prior-shape.ts";
import type { VolumeShape } from "./volume-shape.ts";

export interface SingleComponentOptions {
  numClasses: number;
  /**
   * Classes that must form one connected region per slice. Default: every class but 0. Listing
   * the background too fills holes, since a hole is a second background component.
   */
  classes?: readonly number[];
  connectivity?: 4 | 8;
}

/**
 * Prior "one connected component per structure", for any class set: in each slice, every
 * component of a listed class's hard label except the largest loses that class's probability,
 * which is shared out among the remaining classes in proportion (so the voxel goes to its
 * runner-up). A voxel with no other class mass goes to class 0.
 */
export function priorSingleComponent(
  probabilities: Float32Array,
  shape: VolumeShape,
  options: SingleComponentOptions,
): Float32Array {
  const c = options.numClasses;
  const { width, height, depth, plane, voxels } = priorShape(probabilities, shape, c);
  const classes = options.classes ?? Array.from({ length: c - 1 }, (_, k) => k + 1);
  for (const cls of classes) checkClass("component", cls, c);
  const out = Float32Array.from(probabilities);
  const mask = new Uint8Array(voxels);
  for (const cls of classes) {
    // Re-derived per class: removing one class's fragments can hand voxels to the next class.
    const hard = argmaxLabels(out, { numClasses: c });
    for (let i = 0; i < voxels; i++) mask[i] = hard[i] === cls ? 1 : 0;
    for (let z = 0; z < depth; z++) {
      const offset = z * plane;
      const { ids, sizes } = connectedComponents2d(mask, width, height, {
        offset,
        connectivity: options.connectivity,
      });
      if (sizes.length < 2) continue;
      let keep = 0;
      for (let k = 1; k < sizes.length; k++) if (sizes[k]! > sizes[keep]!) keep = k;
      const surround = surroundingClass(ids, sizes.length, hard, offset, width, height, c);
      for (let j = 0; j < plane; j++) {
        const id = ids[j]!;
        if (id < 0 || id === keep) continue;
        removeClassMass(out, offset + j, cls, c, voxels, surround[id]!);
      }
    }
  }
  return out;
}

/**
 * Zeroes class `cls` at voxel i and renormalises the other classes. With no other class mass
 * (a one-hot input) there is no runner-up, so the voxel takes the class surrounding its
 * component: a filled hole becomes the structure around it.
 */
function removeClassMass(
  p: Float32Array,
  i: number,
  cls: number,
  c: number,
  n: number,
  fallback: number,
): void {
  p[cls * n + i] = 0;
  let rest = 0;
  for (let k = 0; k < c; k++) rest += p[k * n + i]!;
  if (rest > 0) {
    for (let k = 0; k < c; k++) p[k * n + i] = p[k * n + i]! / rest;
  } else {
    p[fallback * n + i] = 1;
  }
}

/** Per component, the most frequent hard label among face neighbours outside it (else 0). */
function surroundingClass(
  ids: Int32Array,
  count: number,
  hard: Uint8Array,
  offset: number,
  width: number,
  height: number,
  c: number,
): Uint8Array {
  const votes = new Uint32Array(count * c);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const id = ids[y * width + x]!;
      if (id < 0) continue;
      const j = y * width + x;
      if (x > 0 && ids[j - 1] !== id) votes[id * c + hard[offset + j - 1]!]!++;
      if (x < width - 1 && ids[j + 1] !== id) votes[id * c + hard[offset + j + 1]!]!++;
      if (y > 0 && ids[j - width] !== id) votes[id * c + hard[offset + j - width]!]!++;
      if (y < height - 1 && ids[j + width] !== id) votes[id * c + hard[offset + j + width]!]!++;
    }
  }
  const out = new Uint8Array(count);
  for (let id = 0; id < count; id++) {
    let best = 0;
    for (let k = 1; k < c; k++) if (votes[id * c + k]! > votes[id * c + best]!) best = k;
    out[id] = best;
  }
  return out;
}
