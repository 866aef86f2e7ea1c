/**
 * Paints an overlay over its slice on `canvas`, at the slice's own resolution (CSS scales it,
 * pixelated, so staff see the same pixels raters labeled). The stage colour goes first, so a
 * slice that has not loaded, or failed to, leaves the overlay readable on the dark stage; the
 * overlay keeps its own alpha, so where it is transparent the anatomy shows through.
 */
export function drawOverSlice(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  slice: CanvasImageSource | null,
  overlay: CanvasImageSource | null,
): void {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext("2d")!;
  context.imageSmoothingEnabled = false;
  context.globalAlpha = 1;
  context.fillStyle = "#0b0d10";
  context.fillRect(0, 0, width, height);
  if (slice) context.drawImage(slice, 0, 0, width, height);
  if (overlay) context.drawImage(overlay, 0, 0, width, height);
}
