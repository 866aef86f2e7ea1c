/** A linear map from data values to pixels; `invert` goes back. */
export interface LinearScale {
  (value: number): number;
  domain: readonly [number, number];
  ticks: number[];
}

/**
 * Scales `domain` onto `range`, widened to round tick values (1, 2 or 5 × a power of ten) so
 * axes read cleanly; a zero-width domain is padded so a single value still has a place.
 */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
  tickCount = 5,
): LinearScale {
  let [low, high] = domain;
  if (!Number.isFinite(low) || !Number.isFinite(high)) [low, high] = [0, 1];
  if (high < low) [low, high] = [high, low];
  if (high === low) {
    const pad = Math.abs(low) * 0.1 || 1;
    low -= pad;
    high += pad;
  }
  const step = niceStep((high - low) / Math.max(1, tickCount));
  const niceLow = Math.floor(low / step) * step;
  const niceHigh = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let t = niceLow; t <= niceHigh + step / 2; t += step) ticks.push(roundTo(t, step));
  const [r0, r1] = range;
  const scale = ((value: number) =>
    r0 + ((value - niceLow) / (niceHigh - niceLow)) * (r1 - r0)) as LinearScale;
  scale.domain = [niceLow, niceHigh];
  scale.ticks = ticks;
  return scale;
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

// 0.1 + 0.2 would print as 0.30000000000000004 on an axis
function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  // `|| 0` turns the -0 that rounding a tiny negative leaves into 0
  return Number(value.toFixed(decimals)) || 0;
}
