import { useEffect, useRef, useState } from "preact/hooks";
import type { FusionRun, SliceRow } from "../api/api-types.ts";
import { useAuthorizedBitmap } from "../api/use-authorized-bitmap.ts";
import type { StudyClass } from "../labeling/class-palette.ts";
import { drawOverSlice } from "../slice-view/draw-over-slice.ts";
import { FUSION_METHOD_OPTIONS, optionLabel } from "./run-options.ts";

/**
 * A fusion run's soft label of one slice and class as a heat map (transparent at p = 0 to
 * yellow-white at p = 1, rendered by the API) over the slice itself, so a researcher sees which
 * anatomy the fused label is unsure about.
 */
export function SoftLabelViewer({
  runs,
  slices,
  classes,
}: {
  runs: readonly FusionRun[];
  slices: readonly SliceRow[];
  classes: readonly StudyClass[];
}) {
  const finished = runs.filter((run) => run.status === "succeeded");
  const rated = slices.filter((slice) => slice.annotationCount > 0);
  const foreground = classes.filter((cls) => cls.index > 0);
  const [runId, setRunId] = useState<number | null>(null);
  const [sliceId, setSliceId] = useState<number | null>(null);
  const [cls, setCls] = useState<number | null>(null);
  const run = finished.find((r) => r.id === runId) ?? finished[0] ?? null;
  const slice = rated.find((s) => s.id === sliceId) ?? rated[Math.floor(rated.length / 2)] ?? null;
  const k = cls ?? foreground.at(-1)?.index ?? 1;
  const heatMap = useAuthorizedBitmap(
    run && slice ? `/api/fusion-runs/${run.id}/slices/${slice.id}/soft-label.png?class=${k}` : null,
  );
  const sliceImage = useAuthorizedBitmap(slice ? `/api/slices/${slice.id}/image.png` : null);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !slice || !heatMap.bitmap) return;
    drawOverSlice(canvas, slice.width, slice.height, sliceImage.bitmap, heatMap.bitmap);
  }, [slice, heatMap.bitmap, sliceImage.bitmap]);

  return (
    <section class="panel soft-label-viewer" aria-labelledby="soft-label-title">
      <h2 id="soft-label-title">Soft labels</h2>
      {!run || !slice ? (
        <p class="muted">A finished fusion run shows its soft labels here.</p>
      ) : (
        <>
          <div class="field-row">
            <label>
              Fusion run
              <select
                value={run.id}
                onChange={(event) => setRunId(Number(event.currentTarget.value))}
              >
                {finished.map((r) => (
                  <option key={r.id} value={r.id}>
                    #{r.id} {optionLabel(FUSION_METHOD_OPTIONS, r.method)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Slice
              <select
                value={slice.id}
                onChange={(event) => setSliceId(Number(event.currentTarget.value))}
              >
                {rated.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.volumeName} · {s.indexInVolume}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Class
              <select value={k} onChange={(event) => setCls(Number(event.currentTarget.value))}>
                {foreground.map((c) => (
                  <option key={c.index} value={c.index}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div class="heat-map-frame">
            {heatMap.bitmap ? (
              <canvas
                ref={canvasRef}
                class="heat-map"
                role="img"
                aria-label={`Probability of ${foreground.find((c) => c.index === k)?.name ?? `class ${k}`} on ${slice.volumeName} slice ${slice.indexInVolume}, fusion run ${run.id}`}
              />
            ) : (
              <p class={heatMap.error ? "error" : "muted"}>{heatMap.error ?? "Loading…"}</p>
            )}
          </div>
          {sliceImage.error ? (
            <p class="error">The slice image did not load: {sliceImage.error}</p>
          ) : null}
          <div class="heat-scale" aria-hidden="true">
            <span>p = 0</span>
            <span class="heat-gradient" />
            <span>p = 1</span>
          </div>
        </>
      )}
    </section>
  );
}
