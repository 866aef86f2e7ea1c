import { describe, expect, it } from "vitest";
import { evaluateBuBil } from "./evaluate-bu-bil.ts";
import { loadBuBil } from "./load-bu-bil.ts";

// Real crowd data: the first 12 images of BU-BIL set 4 (decoding the full-field references is
// the slow part, so the test takes a subset; bench/bu-bil.ts runs both whole sets).
describe("BU-BIL set 4, real crowd workers", () => {
  it("fuses better than the best single worker, and the smoothed soft label beats majority vote", () => {
    const rows = evaluateBuBil(loadBuBil(4, { limit: 12 }), { quiet: true });
    const get = (prefix: string) => rows.find((r) => r.method.startsWith(prefix))!;
    const best = get("best single worker");
    const mv = get("majority vote");
    const staple = get("STAPLE, study-wide");
    const soft = get("reliability-weighted soft label + priors");
    expect(mv.dice).toBeGreaterThan(best.dice + 0.01);
    // STAPLE's independence assumption suits boundary errors poorly; it stays near the best
    // worker here and a little under majority vote on the whole sets (see bench/bu-bil.ts).
    expect(staple.dice).toBeGreaterThan(best.dice - 0.01);
    expect(soft.dice).toBeGreaterThanOrEqual(mv.dice);
    // smoothing the jagged crowd outline is what takes the fused label past majority vote
    const smoothed = get("reliability-weighted soft label + smoothing");
    expect(smoothed.dice).toBeGreaterThan(mv.dice);
    // The soft label is calibrated: top-label ECE within the crop under 2%.
    expect(soft.ece).toBeLessThan(0.02);
  });
});
