import { describe, expect, it } from "vitest";
import { linearScale } from "./plot-scale.ts";

describe("linearScale", () => {
  it("widens the domain to round ticks and maps it onto the range", () => {
    const scale = linearScale([0.13, 0.87], [200, 0]);
    expect(scale.domain).toEqual([0, 1]);
    expect(scale.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(scale(0)).toBe(200);
    expect(scale(1)).toBe(0);
    expect(scale(0.5)).toBe(100);
  });

  it("gives ticks without floating-point noise", () => {
    expect(linearScale([0, 0.3], [0, 1], 3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it("handles negative values, a single value and reversed or broken domains", () => {
    expect(linearScale([-0.12, 0.07], [0, 1]).ticks).toEqual([-0.15, -0.1, -0.05, 0, 0.05, 0.1]);
    const single = linearScale([3, 3], [0, 100]);
    expect(single(3)).toBeGreaterThan(0);
    expect(single(3)).toBeLessThan(100);
    expect(linearScale([5, 1], [0, 1]).domain).toEqual([1, 5]);
    expect(linearScale([Number.NaN, 1], [0, 1]).domain).toEqual([0, 1]);
  });
});
