import { describe, expect, it } from "vitest";
import { RandomStream } from "./random-stream.ts";

describe("RandomStream", () => {
  it("continues from a saved state exactly as the original stream does", () => {
    const a = new RandomStream(42);
    for (let i = 0; i < 17; i++) a.next();
    const b = RandomStream.fromState(a.state);
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(
      Array.from({ length: 5 }, () => a.next()),
    );
  });

  it("draws uniformly enough for shuffles and is fixed by the seed", () => {
    const random = new RandomStream(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[random.int(4)]!++;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(120);
    expect(new RandomStream(9).shuffle([1, 2, 3, 4, 5, 6])).toEqual(
      new RandomStream(9).shuffle([1, 2, 3, 4, 5, 6]),
    );
    expect(new RandomStream(9).next()).not.toBe(new RandomStream(10).next());
    expect(new RandomStream(2 ** 40).next()).not.toBe(new RandomStream(0).next());
  });

  it("refuses states and seeds it cannot hold", () => {
    expect(() => RandomStream.fromState(-1)).toThrow(/uint32/);
    expect(() => new RandomStream(0.5)).toThrow(/safe integer/);
  });
});
