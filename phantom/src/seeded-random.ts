/**
 * xoshiro128** (Blackman & Vigna) seeded through splitmix32.
 *
 * Integer arithmetic goes through Math.imul and `>>> 0`, so the uint32 stream is bit-identical on
 * every JavaScript engine. `normal()` uses Math.log/Math.cos/Math.sin, which V8 (Node, Chrome)
 * implements with the same fdlibm port on every platform; other engines may differ in the last ulp.
 */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Box–Muller yields normals in pairs; the second one waits here. */
  private spareNormal: number | null = null;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) {
      throw new RangeError(`SeededRandom: seed must be a safe integer, got ${seed}`);
    }
    // Fold the high bits in too, so seeds that differ only above 2^32 still give different streams.
    const low = seed >>> 0;
    const high = Math.floor(seed / 2 ** 32) >>> 0;
    const mixer = { state: low ^ Math.imul(high, 0x9e3779b9) };
    this.s0 = splitmix32(mixer);
    this.s1 = splitmix32(mixer);
    this.s2 = splitmix32(mixer);
    this.s3 = splitmix32(mixer);
    // xoshiro's only bad state is all zeros; splitmix32 practically never yields it, but be exact.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator in an exact xoshiro128** state, for checking against the reference C code. */
  static fromState(state: readonly [number, number, number, number]): SeededRandom {
    if (state.some((word) => !Number.isInteger(word) || word < 0 || word > 0xffffffff)) {
      throw new RangeError(
        `SeededRandom.fromState: words must be uint32, got [${state.join(", ")}]`,
      );
    }
    if (state.every((word) => word === 0)) {
      throw new RangeError("SeededRandom.fromState: the all-zero state never leaves zero");
    }
    const random = new SeededRandom(0);
    [random.s0, random.s1, random.s2, random.s3] = state.map((word) => word | 0) as [
      number,
      number,
      number,
      number,
    ];
    return random;
  }

  /** Next raw 32-bit output, an integer in [0, 2^32). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
      throw new RangeError(`SeededRandom.uniform: need finite min <= max, got [${min}, ${max}]`);
    }
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [0, n), without modulo bias. */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 4294967296) {
      throw new RangeError(`SeededRandom.int: n must be an integer in [1, 2^32], got ${n}`);
    }
    // Reject the top partial block of 2^32 so every residue is equally likely.
    const limit = 4294967296 - (4294967296 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }

  /** True with probability p. */
  chance(p: number): boolean {
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`SeededRandom.chance: p must be in [0, 1], got ${p}`);
    }
    return this.next() < p;
  }

  /** Gaussian via Box–Muller. */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * z;
    }
    // 1 - next() lies in (0, 1], so the logarithm is finite.
    const u1 = 1 - this.next();
    const u2 = this.next();
    const radius = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * u2;
    this.spareNormal = radius * Math.sin(angle);
    return mean + sd * radius * Math.cos(angle);
  }

  /** An independent generator seeded from this stream, for sub-tasks whose draw count varies. */
  fork(): SeededRandom {
    return new SeededRandom(this.nextUint32() * 2097152 + (this.nextUint32() >>> 11));
  }
}

/**
 * A uint32 seed for sub-stream `stream` of `seed` (patient i of a study, the noise of one phase),
 * so adding draws to one stream never shifts another.
 */
export function deriveSeed(seed: number, stream: number): number {
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(stream)) {
    throw new RangeError(
      `deriveSeed: seed and stream must be safe integers, got ${seed}, ${stream}`,
    );
  }
  let h = fmix32((seed >>> 0) ^ 0x85ebca6b);
  h = fmix32(h ^ (Math.floor(seed / 2 ** 32) >>> 0));
  h = fmix32(h ^ Math.imul(stream >>> 0, 0xcc9e2d51));
  return fmix32(h ^ (Math.floor(stream / 2 ** 32) >>> 0));
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function splitmix32(mixer: { state: number }): number {
  mixer.state = (mixer.state + 0x9e3779b9) | 0;
  let z = mixer.state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** MurmurHash3's finaliser: a bijective avalanche on 32 bits. */
function fmix32(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
