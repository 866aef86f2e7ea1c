import { useEffect, useRef, useState } from "preact/hooks";
import { classCssColor, type StudyClass } from "../labeling/class-palette.ts";
import type { SliceAgreementRow } from "./agreement-panel.tsx";
import { RATER_COLORS, raterMaskOverlay } from "./rater-mask-overlay.ts";

/**
 * Every rater's mask of one class on one slice at once: outlines in each rater's colour over a
 * fill whose brightness is how many raters agree. (The API has no slice image for staff, so the
 * masks are shown on black; see the report.)
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

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    canvas.width = row.width;
    canvas.height = row.height;
    const rgba = raterMaskOverlay(
      row.masks.map((mask) => mask.labels),
      row.width,
      row.height,
      cls,
    );
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#0b0d10";
    context.fillRect(0, 0, row.width, row.height);
    const pixels = new ImageData(row.width, row.height);
    pixels.data.set(rgba);
    // composited through a second canvas so the fill's transparency shows the black beneath
    const layer = document.createElement("canvas");
    layer.width = row.width;
    layer.height = row.height;
    layer.getContext("2d")!.putImageData(pixels, 0, 0);
    context.drawImage(layer, 0, 0);
  }, [row, cls]);

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
        aria-label={`Outlines of ${row.labels} raters' masks; brighter fill where more raters agree`}
      />
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
