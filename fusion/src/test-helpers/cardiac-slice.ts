/**
 * A short-axis slice in ACDC's classes: LV cavity disc (3) inside a myocardial ring (2), with
 * the RV (1) a crescent against the septum on the left, background (0) elsewhere.
 */
export function cardiacSlice(width: number, height: number, lvRadius = 10, wall = 5): Uint8Array {
  const out = new Uint8Array(width * height);
  const cx = width / 2 + 6;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      const dRv = Math.hypot(x + 0.5 - (cx - lvRadius - wall - 4), y + 0.5 - cy);
      let cls = 0;
      if (d < lvRadius) cls = 3;
      else if (d < lvRadius + wall) cls = 2;
      else if (dRv < lvRadius + 2) cls = 1;
      out[y * width + x] = cls;
    }
  }
  return out;
}

/** Class-major probabilities: the one-hot label mixed with a uniform share `softness`. */
export function softFromLabels(labels: Uint8Array, numClasses: number, softness = 0): Float32Array {
  const n = labels.length;
  const out = new Float32Array(numClasses * n).fill(softness / numClasses);
  for (let i = 0; i < n; i++) out[labels[i]! * n + i] = 1 - softness + softness / numClasses;
  return out;
}
