export { biasFieldSlice } from "./bias-field.ts";
export { binaryRaterWithKnownRates, type KnownRates } from "./binary-rater.ts";
export {
  type CardiacPhantom,
  type CardiacPhantomOptions,
  generateCardiacPhantom,
  type PhantomVolume,
  sliceLongAxisPosition,
} from "./cardiac-phantom.ts";
export type {
  BoundaryHarmonic,
  CardiacPhantomOverrides,
  CardiacPhantomParams,
  TissueIntensities,
} from "./cardiac-phantom-params.ts";
export { signedDistance, squaredDistanceTransform } from "./distance-transform.ts";
export { gaussianBlur, gaussianKernel } from "./gaussian-blur.ts";
export { type CardiacPhase, cardiacLabels } from "./heart-slice.ts";
export {
  cardiacPaintLayers,
  independentPaintLayers,
  type PaintLayer,
} from "./paint-layers.ts";
export {
  generatePhantomStudy,
  type PhantomPatient,
  type PhantomStudyOptions,
} from "./phantom-study.ts";
export {
  type RaterKind,
  type RaterProfile,
  raterProfiles,
  validateRaterProfile,
} from "./rater-profiles.ts";
export { addRicianNoise } from "./rician-noise.ts";
export { deriveSeed, SeededRandom } from "./seeded-random.ts";
export {
  type LabelVolume,
  type SimulateRaterOptions,
  simulateRaterLabel,
  simulateRaterVolume,
} from "./simulate-rater.ts";
export { smoothRandomField } from "./smooth-random-field.ts";
export { spamLabel } from "./spam-label.ts";
