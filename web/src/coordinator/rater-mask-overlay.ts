export type Rgb = readonly [number, number, number];

/** Distinct colours for up to ten raters' outlines (Tableau 10), then they repeat. */
export const RATER_COLORS: readonly Rgb[] = [
  [78, 121, 167],
  [242, 142, 43],
  [225, 87, 89],
  [118, 183, 178],
  [89, 161, 79],
  [237, 201, 72],
  [176, 122, 161],
  [255, 157, 167],
  [156, 117, 95],
  [186, 176, 172],
];

/**
 * One class of several raters' masks in one RGBA picture: each pixel filled white with an
 * opacity that grows with how many raters gave it the class (so agreement reads as brightness),
 * and each rater's outline of the class drawn on top in that rater's colour.
 */
export function raterMaskOverlay(
  maps: readonly Uint8Array[],
  width: number,
  height: number,
  cls: number,
  colors: readonly Rgb[] = RATER_COLORS,
): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  if (maps.length === 0) return rgba;
  for (let i = 0; i < width * height; i++) {
    let votes = 0;
    for (const map of maps) if (map[i] === cls) votes += 1;
    if (votes === 0) continue;
    rgba[i * 4] = 255;
    rgba[i * 4 + 1] = 255;
    rgba[i * 4 + 2] = 255;
    rgba[i * 4 + 3] = Math.round((170 * votes) / maps.length);
  }
  maps.forEach((map, r) => {
    const [red, green, blue] = colors[r % colors.length]!;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        if (map[i] !== cls) continue;
        const edge =
          x === 0 ||
          y === 0 ||
          x === width - 1 ||
          y === height - 1 ||
          map[i - 1] !== cls ||
          map[i + 1] !== cls ||
          map[i - width] !== cls ||
          map[i + width] !== cls;
        if (!edge) continue;
        rgba[i * 4] = red;
        rgba[i * 4 + 1] = green;
        rgba[i * 4 + 2] = blue;
        rgba[i * 4 + 3] = 255;
      }
    }
  });
  return rgba;
}
