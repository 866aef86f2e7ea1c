import { describe, expect, it } from "vitest";
import {
  fitViewport,
  imageToScreen,
  MAX_SCALE,
  panBy,
  screenToImage,
  zoomAround,
} from "./viewport.ts";

describe("viewport", () => {
  it("fits and centres the image in the view", () => {
    const viewport = fitViewport(100, 50, 1000, 1000);
    expect(viewport.scale).toBeCloseTo(9.6);
    const topLeft = imageToScreen(viewport, { x: 0, y: 0 });
    const bottomRight = imageToScreen(viewport, { x: 100, y: 50 });
    expect((topLeft.x + bottomRight.x) / 2).toBeCloseTo(500);
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo(500);
  });

  it("keeps the point under the cursor fixed while zooming", () => {
    const viewport = { scale: 2, offsetX: 10, offsetY: 20 };
    const before = screenToImage(viewport, 300, 200);
    const zoomed = zoomAround(viewport, 1.5, 300, 200);
    expect(zoomed.scale).toBe(3);
    const after = screenToImage(zoomed, 300, 200);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it("clamps the zoom", () => {
    expect(zoomAround({ scale: 60, offsetX: 0, offsetY: 0 }, 10, 0, 0).scale).toBe(MAX_SCALE);
  });

  it("maps screen and image coordinates both ways, and pans", () => {
    const viewport = panBy({ scale: 4, offsetX: 100, offsetY: 50 }, -20, 10);
    const screen = imageToScreen(viewport, { x: 7.25, y: 3 });
    expect(screen).toEqual({ x: 109, y: 72 });
    expect(screenToImage(viewport, screen.x, screen.y)).toEqual({ x: 7.25, y: 3 });
  });
});
