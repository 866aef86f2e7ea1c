import type { SeededRandom } from "./seeded-random.ts";

/**
 * Replaces each value s by the magnitude |s + n1 + i n2| with n1, n2 ~ N(0, sigma^2): the noise
 * of a magnitude MR image. Where s = 0 the result is Rayleigh, mean sigma * sqrt(pi / 2), which is
 * why dark regions of a real scan are never black. In place.
 */
export function addRicianNoise(image: Float32Array, sigma: number, rng: SeededRandom): void {
  if (!(Number.isFinite(sigma) && sigma >= 0)) {
    throw new RangeError(`addRicianNoise: sigma must be >= 0, got ${sigma}`);
  }
  if (sigma === 0) return;
  for (let i = 0; i < image.length; i++) {
    const real = image[i]! + sigma * rng.normal();
    const imaginary = sigma * rng.normal();
    image[i] = Math.sqrt(real * real + imaginary * imaginary);
  }
}
