import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { useAuthorizedBitmap } from "../api/use-authorized-bitmap.ts";
import { classCssColor, type StudyClass } from "../labeling/class-palette.ts";
import { drawOverSlice } from "../slice-view/draw-over-slice.ts";
import type { SliceAgreementRow } from "./agreement-panel.tsx";
import { RATER_COLORS, raterMaskOverlay } from "./rater-mask-overlay.ts";

/**
 * Every rater's mask of one class on one slice at once: outlines in each rater's colour over a
 * fill whose brightness is how many raters agree, over the slice they labeled, so a coordinator
 * can tell a rater who missed the anatomy from one who drew its edge a little wide.
 */
export function MaskOverlayViewer({
  row,
  classes,
}: {
  row: SliceAgreementRow;
  classes: StudyClass[];
}) {
  const foreground = classes.filter((cls) => cls.index > 0);
  const [cls, setCls] = useState(foreground.at(-1)?.index ?? 1);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  const sliceImage = useAuthorizedBitmap(`/api/slices/${row.sliceId}/image.png`);

  // the masks are recoloured only when the row or class changes, not when the slice arrives
  const overlay = useMemo(() => {
    const rgba = raterMaskOverlay(
      row.masks.map((mask) => mask.labels),
      row.width,
      row.height,
      cls,
    );
    const pixels = new ImageData(row.width, row.height);
    pixels.data.set(rgba);
    // a canvas, not the ImageData itself: putImageData would replace the slice, not blend over it
    const layer = document.createElement("canvas");
    layer.width = row.width;
    layer.height = row.height;
    layer.getContext("2d")!.putImageData(pixels, 0, 0);
    return layer;
  }, [row, cls]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    drawOverSlice(canvas, row.width, row.height, sliceImage.bitmap, overlay);
  }, [row, overlay, sliceImage.bitmap]);

  return (
    <figure class="mask-viewer" aria-labelledby="mask-viewer-caption">
      <figcaption id="mask-viewer-caption">
        <strong>
          {row.volumeName} · slice {row.indexInVolume}
        </strong>{" "}
        — {row.labels} raters
      </figcaption>
      <label class="inline-select">
        Class
        <select value={cls} onChange={(event) => setCls(Number(event.currentTarget.value))}>
          {foreground.map((c) => (
            <option key={c.index} value={c.index}>
              {c.name}
            </option>
          ))}
        </select>
        <span
          class="swatch"
          style={{
            background: classCssColor(classes.find((c) => c.index === cls) ?? foreground[0]!),
          }}
          aria-hidden="true"
        />
      </label>
      <canvas
        ref={canvasRef}
        class="mask-canvas"
        role="img"
        aria-label={`Outlines of ${row.labels} raters' masks over the slice; brighter fill where more raters agree`}
      />
      {sliceImage.error ? (
        <p class="error">The slice image did not load: {sliceImage.error}</p>
      ) : null}
      <ul class="rater-legend">
        {row.masks.map((mask, i) => {
          const [r, g, b] = RATER_COLORS[i % RATER_COLORS.length]!;
          return (
            <li key={mask.userId}>
              <span
                class="swatch"
                style={{ background: `rgb(${r},${g},${b})` }}
                aria-hidden="true"
              />
              {mask.raterName}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
