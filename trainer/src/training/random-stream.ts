/**
 * The training run's one source of randomness (shuffling, augmentation, weight initialisation):
 * mulberry32, whose whole state is one uint32. That state goes into every checkpoint, so a
 * resumed run draws exactly the numbers the uninterrupted run would have drawn.
 */
export class RandomStream {
  private current: number;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) {
      throw new RangeError(`RandomStream: seed must be a safe integer, got ${seed}.`);
    }
    // Folds the high bits in, so seeds that differ only above 2^32 still give different streams.
    this.current = (seed ^ Math.imul(Math.floor(seed / 2 ** 32), 0x9e3779b9)) >>> 0;
  }

  /** A stream continuing from a state read off `state`. */
  static fromState(state: number): RandomStream {
    if (!Number.isInteger(state) || state < 0 || state > 0xffffffff) {
      throw new RangeError(`RandomStream.fromState: state must be a uint32, got ${state}.`);
    }
    const stream = new RandomStream(0);
    stream.current = state;
    return stream;
  }

  get state(): number {
    return this.current;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.current = (this.current + 0x6d2b79f5) >>> 0;
    let t = this.current;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1) {
      throw new RangeError(`RandomStream.int: n must be a positive integer, got ${n}.`);
    }
    return Math.min(n - 1, Math.floor(this.next() * n));
  }

  /** Standard normal by Box–Muller; uses exactly two draws, so the stream stays predictable. */
  normal(): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Fisher–Yates in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}
