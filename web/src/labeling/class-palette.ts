/** A study's class as the API sends it; index 0 is background. */
export interface StudyClass {
  index: number;
  name: string;
  color: string;
}

/** Colours for studies whose classes come without a usable one, distinct for up to 8 classes. */
const FALLBACK_COLORS = [
  "#000000",
  "#e6194b",
  "#3cb44b",
  "#4363d8",
  "#f58231",
  "#911eb4",
  "#42d4f4",
  "#f032e6",
];

/** "#rgb" or "#rrggbb" to [r, g, b]; null for anything else. */
export function parseHexColor(color: string): [number, number, number] | null {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  if (short)
    return [short[1]!, short[2]!, short[3]!].map((h) => Number.parseInt(h + h, 16)) as [
      number,
      number,
      number,
    ];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (long)
    return [long[1]!, long[2]!, long[3]!].map((h) => Number.parseInt(h, 16)) as [
      number,
      number,
      number,
    ];
  return null;
}

/**
 * RGBA per class index as one 32-bit word each (little-endian byte order, as ImageData is laid
 * out on every platform browsers run on), so a label pixel is drawn with one store.
 * Background is fully transparent: the overlay shows only what a rater painted.
 */
export function classPalette(classes: readonly StudyClass[]): Uint32Array {
  const palette = new Uint32Array(256);
  for (const cls of classes) {
    if (cls.index <= 0 || cls.index > 255) continue;
    const rgb =
      parseHexColor(cls.color) ??
      parseHexColor(FALLBACK_COLORS[cls.index % FALLBACK_COLORS.length]!)!;
    palette[cls.index] = packRgba(rgb[0], rgb[1], rgb[2], 255);
  }
  return palette;
}

export function packRgba(r: number, g: number, b: number, a: number): number {
  return ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** A readable CSS colour for a class, falling back like the palette does. */
export function classCssColor(cls: StudyClass): string {
  return parseHexColor(cls.color)
    ? cls.color
    : FALLBACK_COLORS[cls.index % FALLBACK_COLORS.length]!;
}
