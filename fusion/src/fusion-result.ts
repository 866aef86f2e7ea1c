/**
 * What every fusion method returns for one slice or volume of N voxels: class-major probabilities
 * (`probabilities[c * N + i]`) and the hard label derived from them with the stated tie rule.
 */
export interface FusionResult {
  numClasses: number;
  probabilities: Float32Array;
  labels: Uint8Array;
}
