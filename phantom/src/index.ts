export { signedDistance, squaredDistanceTransform } from "./distance-transform.ts";
export { gaussianBlur, gaussianKernel } from "./gaussian-blur.ts";
export { deriveSeed, SeededRandom } from "./seeded-random.ts";
export { smoothRandomField } from "./smooth-random-field.ts";
