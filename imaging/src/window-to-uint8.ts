import { ImagingError } from "./imaging-error.ts";

/** An intensity range to show: either its bounds, or radiology's centre/width (level/window). */
export type IntensityWindow = { min: number; max: number } | { center: number; width: number };

/**
 * Maps intensities to display bytes: `min` (or center − width/2) → 0, `max` → 255, linear in
 * between, clamped outside, NaN → 0. A zero-width window thresholds: above it 255, else 0.
 */
export function windowToUint8(data: Float32Array, window: IntensityWindow): Uint8Array {
  const { min, max } = windowBounds(window);
  const out = new Uint8Array(data.length);
  if (max === min) {
    for (let i = 0; i < data.length; i++) out[i] = data[i]! > max ? 255 : 0;
    return out;
  }
  const scale = 255 / (max - min);
  for (let i = 0; i < data.length; i++) {
    // NaN fails both comparisons, and Math.round(NaN) is stored by Uint8Array as 0.
    const v = (data[i]! - min) * scale;
    out[i] = v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
  }
  return out;
}

function windowBounds(window: IntensityWindow): { min: number; max: number } {
  const { min, max } =
    "center" in window
      ? { min: window.center - window.width / 2, max: window.center + window.width / 2 }
      : window;
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) {
    const given =
      "center" in window ? `center ${window.center}, width ${window.width}` : `${min}..${max}`;
    throw new ImagingError(
      "invalid_argument",
      `display window must be finite with max ≥ min (width ≥ 0), got ${given}`,
    );
  }
  return { min, max };
}
