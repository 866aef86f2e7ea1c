/**
 * Runs in the page before its scripts (page.addInitScript): records the time between animation
 * frames, and how long the page's own pointermove handlers and frame callbacks take, so a test
 * can say how smooth painting is without any measuring code in the app itself.
 */
export function installFrameTiming(): void {
  interface FrameTiming {
    recording: boolean;
    frameTimes: number[];
    pointerMoveMs: number[];
    frameCallbackMs: number[];
  }
  const timing: FrameTiming = {
    recording: false,
    frameTimes: [],
    pointerMoveMs: [],
    frameCallbackMs: [],
  };
  (window as unknown as { __frameTiming: FrameTiming }).__frameTiming = timing;
  const raf = window.requestAnimationFrame.bind(window);
  const tick = (time: number) => {
    if (timing.recording) timing.frameTimes.push(time);
    raf(tick);
  };
  raf(tick);
  window.requestAnimationFrame = (callback) =>
    raf((time) => {
      const start = performance.now();
      callback(time);
      if (timing.recording) timing.frameCallbackMs.push(performance.now() - start);
    });
  // capture on window runs first and bubble on window last: between them, the app's handlers
  let moveStart = 0;
  window.addEventListener(
    "pointermove",
    () => {
      moveStart = performance.now();
    },
    true,
  );
  window.addEventListener("pointermove", () => {
    if (timing.recording) timing.pointerMoveMs.push(performance.now() - moveStart);
  });
}

export interface FrameTimingReport {
  frames: number;
  frameIntervalMs: { median: number; p95: number; max: number };
  pointerMoveMs: { count: number; median: number; p95: number; max: number };
  frameCallbackMs: { count: number; median: number; p95: number; max: number };
}

export function summarizeFrameTiming(raw: {
  frameTimes: number[];
  pointerMoveMs: number[];
  frameCallbackMs: number[];
}): FrameTimingReport {
  const intervals = raw.frameTimes.slice(1).map((t, i) => t - raw.frameTimes[i]!);
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { count: values.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
  };
  const frame = stats(intervals);
  return {
    frames: raw.frameTimes.length,
    frameIntervalMs: { median: frame.median, p95: frame.p95, max: frame.max },
    pointerMoveMs: stats(raw.pointerMoveMs),
    frameCallbackMs: stats(raw.frameCallbackMs),
  };
}
