import type { AuthUser } from "./auth-user.ts";

/**
 * Remembers resolved tokens for a few seconds, so a rater's next-task and submit calls do not
 * each pay a token lookup. Logout evicts here at once; another API process honours a revocation
 * when its entry runs out (at most `ttlMs` later).
 */
export class TokenCache {
  private readonly entries = new Map<string, { user: AuthUser; until: number }>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 50_000,
  ) {}

  get(tokenHash: string, now = Date.now()): AuthUser | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.user;
  }

  set(tokenHash: string, user: AuthUser, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(tokenHash, { user, until: now + this.ttlMs });
  }

  delete(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  /** A user's role changed or they were removed: forget every token of theirs. */
  deleteUser(userId: number): void {
    for (const [hash, entry] of this.entries) {
      if (entry.user.id === userId) this.entries.delete(hash);
    }
  }
}
