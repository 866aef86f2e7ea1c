import type { RunProgress } from "@crowdseg/db";

/**
 * Keeps the latest progress and writes it at most once per interval, in order: a training loop
 * may report every step, and the run row should not become the bottleneck.
 */
export class ProgressRecorder {
  private latest: RunProgress | null = null;
  private lastWrite = 0;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (progress: RunProgress) => Promise<void>,
    private readonly intervalMs = 250,
  ) {}

  report(progress: RunProgress): void {
    this.latest = progress;
    const wait = this.lastWrite + this.intervalMs - Date.now();
    if (wait <= 0) this.writeLatest();
    else this.timer ??= setTimeout(() => this.writeLatest(), wait);
  }

  /** Writes what is pending and waits for every write so far. */
  async flush(): Promise<void> {
    this.writeLatest();
    await this.chain;
  }

  private writeLatest(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const progress = this.latest;
    if (!progress) return;
    this.latest = null;
    this.lastWrite = Date.now();
    // a failed progress write must not fail the job; the final status write will tell
    this.chain = this.chain.then(() => this.write(progress)).catch(() => {});
  }
}
