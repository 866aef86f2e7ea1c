import { RandomStream } from "../random-stream.ts";
import { packSamples, type SampleSet } from "../sample-set.ts";

/**
 * A toy segmentation task for training tests: noisy size × size images of a bright disc (class 1)
 * inside a darker ring (class 2) on background (class 0), at random places and sizes. A tiny
 * network learns it in a few epochs, so the loop can be tested for learning, not only running.
 */
export function discSamples(count: number, size: number, seed: number): SampleSet {
  const random = new RandomStream(seed);
  const classes = 3;
  const samples = Array.from({ length: count }, () => {
    const cx = random.uniform(0.3, 0.7) * size;
    const cy = random.uniform(0.3, 0.7) * size;
    const inner = random.uniform(0.1, 0.18) * size;
    const outer = inner + random.uniform(0.06, 0.1) * size;
    const image = new Float32Array(size * size);
    const target = new Float32Array(size * size * classes);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const r = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        const label = r < inner ? 1 : r < outer ? 2 : 0;
        const i = y * size + x;
        image[i] = [0, 2, 1][label]! + 0.3 * random.normal();
        target[i * classes + label] = 1;
      }
    }
    return { image, target };
  });
  return packSamples(samples, size, classes);
}
