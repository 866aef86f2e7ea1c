import { argmaxLabels } from "./argmax-labels.ts";
import { euclideanDistanceTransform } from "./euclidean-distance-transform.ts";
import { FusionError } from "./fusion-error.ts";
import { priorShape } from "./prior-shape.ts";
import type { VolumeShape } from "./volume-shape.ts";

export interface BoundaryUncertaintyOptions {
  numClasses: number;
  /** Within this many pixels of the consensus edge, the fused probabilities are kept as they are. */
  band?: number;
  /** Beyond the band, the weight of the fused probabilities decays as exp(−(d − band)²/2σ²). */
  sigma?: number;
}

/**
 * Prior "uncertainty lives at boundaries", for any class set: raters disagree about where an
 * edge runs, not about the middle of a structure. Each voxel's distance d (in-plane pixels) to
 * the consensus edge (a face neighbour with a different hard label) sets how much of the fused
 * soft label is kept: all of it within `band`, fading to the one-hot consensus label further in.
 * Stray disagreement deep inside a region (a spammer's stroke) is removed; the hard label is
 * never changed.
 */
export function priorBoundaryUncertainty(
  probabilities: Float32Array,
  shape: VolumeShape,
  options: BoundaryUncertaintyOptions,
): Float32Array {
  const c = options.numClasses;
  const band = options.band ?? 2;
  const sigma = options.sigma ?? 2;
  if (!(band >= 0) || !(sigma > 0)) {
    throw new FusionError("BAD_OPTION", `band must be >= 0 and sigma > 0`);
  }
  const { width, height, depth, plane, voxels } = priorShape(probabilities, shape, c);
  const hard = argmaxLabels(probabilities, { numClasses: c });
  const edge = new Uint8Array(voxels);
  for (let z = 0; z < depth; z++) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = z * plane + y * width + x;
        const h = hard[i];
        if (
          (x > 0 && hard[i - 1] !== h) ||
          (x < width - 1 && hard[i + 1] !== h) ||
          (y > 0 && hard[i - width] !== h) ||
          (y < height - 1 && hard[i + width] !== h)
        ) {
          edge[i] = 1;
        }
      }
    }
  }
  const distance = euclideanDistanceTransform(edge, { width, height, depth }, { planar: true });
  const out = Float32Array.from(probabilities);
  const twoSigma2 = 2 * sigma * sigma;
  for (let i = 0; i < voxels; i++) {
    const d = distance[i]!;
    // No edge in the slice (Infinity) means one uniform region: fully confident.
    if (d <= band) continue;
    const keep = Number.isFinite(d) ? Math.exp(-((d - band) ** 2) / twoSigma2) : 0;
    const h = hard[i]!;
    for (let k = 0; k < c; k++) {
      out[k * voxels + i] = keep * out[k * voxels + i]! + (k === h ? 1 - keep : 0);
    }
  }
  return out;
}
