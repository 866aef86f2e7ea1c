import type { SeededRandom } from "./seeded-random.ts";

/**
 * What a spammer submits: 1 to 4 irregular blobs with random classes (1..numClasses-1), centres
 * anywhere in the slice, radii 4-20 % of the shorter side. Nothing of the image enters, so its
 * agreement with the truth is at chance level.
 */
export function spamLabel(
  width: number,
  height: number,
  numClasses: number,
  rng: SeededRandom,
): Uint8Array {
  const out = new Uint8Array(width * height);
  const side = Math.min(width, height);
  const blobs = 1 + rng.int(4);
  for (let b = 0; b < blobs; b++) {
    const label = 1 + rng.int(numClasses - 1);
    const cx = rng.uniform(0, width);
    const cy = rng.uniform(0, height);
    const ra = rng.uniform(0.04, 0.2) * side;
    const rb = rng.uniform(0.04, 0.2) * side;
    const tilt = rng.uniform(0, Math.PI);
    const order = 2 + rng.int(3);
    const lobe = rng.uniform(0, 0.25);
    const lobePhase = rng.uniform(0, 2 * Math.PI);
    const reach = Math.max(ra, rb) * (1 + lobe);
    const cos = Math.cos(tilt);
    const sin = Math.sin(tilt);
    const x0 = Math.max(0, Math.floor(cx - reach));
    const x1 = Math.min(width - 1, Math.ceil(cx + reach));
    const y0 = Math.max(0, Math.floor(cy - reach));
    const y1 = Math.min(height - 1, Math.ceil(cy + reach));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const dx = x + 0.5 - cx;
        const dy = y + 0.5 - cy;
        const u = (dx * cos + dy * sin) / ra;
        const v = (-dx * sin + dy * cos) / rb;
        const boundary = 1 + lobe * Math.cos(order * Math.atan2(v, u) + lobePhase);
        if (u * u + v * v < boundary * boundary) out[y * width + x] = label;
      }
    }
  }
  return out;
}
