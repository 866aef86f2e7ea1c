/**
 * One class's probabilities as an RGBA overlay: transparent where p = 0, through orange to opaque
 * yellow-white at p = 1, so a heat map laid over the slice still shows the anatomy underneath.
 */
export function softLabelHeatMap(probabilities: Float32Array): Uint8Array {
  const rgba = new Uint8Array(probabilities.length * 4);
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(1, Math.max(0, probabilities[i]!));
    rgba[i * 4] = 255;
    rgba[i * 4 + 1] = Math.round(255 * p * p);
    rgba[i * 4 + 2] = Math.round(255 * p ** 4);
    rgba[i * 4 + 3] = Math.round(230 * Math.sqrt(p));
  }
  return rgba;
}
