/**
 * A reusable barrier for a fixed number of threads over a SharedArrayBuffer, that a
 * failing thread can break so the others stop waiting instead of hanging forever.
 *
 * Layout of the Int32Array: [0] arrivals so far, [1] last completed round, [2] broken.
 */
export class SharedBarrier {
  static readonly BYTES = 3 * Int32Array.BYTES_PER_ELEMENT;
  private readonly cells: Int32Array;
  private round = 0;

  constructor(
    buffer: SharedArrayBuffer,
    private readonly parties: number,
  ) {
    if (buffer.byteLength < SharedBarrier.BYTES)
      throw new Error("SharedBarrier: buffer too small.");
    if (!Number.isInteger(parties) || parties < 1) {
      throw new Error(`SharedBarrier: parties must be a positive integer, got ${parties}.`);
    }
    this.cells = new Int32Array(buffer, 0, 3);
  }

  /** Blocks until all parties have arrived at this round; throws if the barrier is broken. */
  wait(): void {
    const round = ++this.round;
    if (Atomics.add(this.cells, 0, 1) + 1 === this.parties * round) {
      Atomics.store(this.cells, 1, round);
      Atomics.notify(this.cells, 1);
      return;
    }
    while (Atomics.load(this.cells, 1) < round) {
      if (Atomics.load(this.cells, 2) !== 0)
        throw new Error("SharedBarrier: broken by another thread.");
      // Woken by the last arrival or by break(); the timeout only bounds a lost wake-up.
      Atomics.wait(this.cells, 1, round - 1, 1000);
    }
  }

  /** Releases every waiting party with an error, now and in every later round. */
  break(): void {
    Atomics.store(this.cells, 2, 1);
    Atomics.notify(this.cells, 1);
  }
}
