import { describe, expect, it } from "vitest";
import { deriveSeed, SeededRandom } from "./seeded-random.ts";

describe("SeededRandom", () => {
  it("matches the reference xoshiro128** C code from state {1, 2, 3, 4}", () => {
    const rng = SeededRandom.fromState([1, 2, 3, 4]);
    // printed by the public-domain reference implementation (prng.di.unimi.it)
    const expected = [11520, 0, 5927040, 70819200, 2031721883, 1637235492];
    expect(expected.map(() => rng.nextUint32())).toEqual(expected);
  });

  it("repeats a stream for the same seed and differs for another", () => {
    const draw = (seed: number) => {
      const rng = new SeededRandom(seed);
      return Array.from({ length: 50 }, () => rng.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    // seeds that differ only above 2^32 must not collide
    expect(draw(2 ** 40)).not.toEqual(draw(0));
  });

  it("keeps next() in [0, 1) with a uniform mean and variance", () => {
    const rng = new SeededRandom(7);
    let sum = 0;
    let sumSquares = 0;
    let outside = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sumSquares += u * u;
    }
    expect(outside).toBe(0);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumSquares / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2);
  });

  it("draws int(n) from every value in [0, n) about equally", () => {
    const rng = new SeededRandom(9);
    const counts = new Array<number>(7).fill(0);
    const n = 70_000;
    for (let i = 0; i < n; i++) counts[rng.int(7)]!++;
    // chi-square with 6 degrees of freedom; 22.5 is its 0.999 quantile
    const chiSquare = counts.reduce((acc, c) => acc + (c - n / 7) ** 2 / (n / 7), 0);
    expect(chiSquare).toBeLessThan(22.5);
  });

  it("draws normals with the requested mean and standard deviation", () => {
    const rng = new SeededRandom(11);
    const n = 100_000;
    let sum = 0;
    let sumSquares = 0;
    let beyondTwoSd = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal(3, 2);
      sum += z;
      sumSquares += z * z;
      if (Math.abs(z - 3) > 4) beyondTwoSd++;
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(3, 1);
    expect(Math.sqrt(sumSquares / n - mean * mean)).toBeCloseTo(2, 1);
    expect(beyondTwoSd / n).toBeCloseTo(0.0455, 2);
  });

  it("forks into a generator independent of the parent's later draws", () => {
    const a = new SeededRandom(5);
    const b = new SeededRandom(5);
    const forkA = a.fork();
    const forkB = b.fork();
    a.next();
    expect(forkA.nextUint32()).toBe(forkB.nextUint32());
    expect(forkA.nextUint32()).not.toBe(a.nextUint32());
  });

  it("rejects bad arguments with clear errors", () => {
    expect(() => new SeededRandom(1.5)).toThrow(/safe integer/);
    const rng = new SeededRandom(1);
    expect(() => rng.int(0)).toThrow(/integer in \[1, 2\^32\]/);
    expect(() => rng.int(2.5)).toThrow(RangeError);
    expect(() => rng.chance(1.1)).toThrow(/\[0, 1\]/);
    expect(() => rng.uniform(2, 1)).toThrow(/min <= max/);
    expect(() => SeededRandom.fromState([0, 0, 0, 0])).toThrow(/all-zero/);
  });
});

describe("deriveSeed", () => {
  it("gives distinct, reproducible sub-seeds per stream and per seed", () => {
    const seeds = new Set<number>();
    for (let seed = 0; seed < 20; seed++) {
      for (let stream = 0; stream < 50; stream++) seeds.add(deriveSeed(seed, stream));
    }
    expect(seeds.size).toBe(1000);
    expect(deriveSeed(123, 4)).toBe(deriveSeed(123, 4));
  });
});
