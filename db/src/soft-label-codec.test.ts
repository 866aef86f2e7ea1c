import { describe, expect, it } from "vitest";
import { decodeSoftLabel, encodeSoftLabel } from "./soft-label-codec.ts";

describe("soft label codec", () => {
  it("round-trips probabilities to within half a quantisation step and compresses", () => {
    const n = 64 * 64;
    const p = new Float32Array(3 * n);
    for (let i = 0; i < n; i++) {
      const a = (i % 64) / 63;
      p[i] = a * 0.5;
      p[n + i] = 0.5 - a * 0.5;
      p[2 * n + i] = 0.5;
    }
    const bytes = encodeSoftLabel(p);
    expect(bytes.length).toBeLessThan(p.length / 4);
    const back = decodeSoftLabel(bytes, 3, n);
    let worst = 0;
    for (let i = 0; i < p.length; i++) worst = Math.max(worst, Math.abs(back[i]! - p[i]!));
    expect(worst).toBeLessThanOrEqual(0.5 / 255 + 1e-7);
  });

  it("clamps out-of-range values and refuses a blob of the wrong size", () => {
    const back = decodeSoftLabel(encodeSoftLabel(new Float32Array([-0.2, 1.3])), 2, 1);
    expect(Array.from(back)).toEqual([0, 1]);
    expect(() => decodeSoftLabel(encodeSoftLabel(new Float32Array(6)), 4, 2)).toThrow(
      /holds 6 values, expected 4 classes × 2 pixels/,
    );
  });
});
