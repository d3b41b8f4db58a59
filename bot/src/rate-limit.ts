/**
 * At most `perMinute` questions per client address in a sliding minute, as the CMS limits searches.
 * Kept in memory: each assistant instance counts for itself.
 */
export class RateLimiter {
  private readonly seen = new Map<string, number[]>();
  private sweptAt = Date.now();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; returns undefined when allowed, else the seconds to wait. */
  take(address: string): number | undefined {
    const now = this.now();
    if (now - this.sweptAt > 60_000) {
      for (const [key, times] of this.seen) if (times[times.length - 1]! <= now - 60_000) this.seen.delete(key);
      this.sweptAt = now;
    }
    const times = (this.seen.get(address) ?? []).filter((t) => t > now - 60_000);
    if (times.length >= this.perMinute) {
      this.seen.set(address, times);
      return Math.max(1, Math.ceil((times[0]! + 60_000 - now) / 1000));
    }
    times.push(now);
    this.seen.set(address, times);
    return undefined;
  }
}
