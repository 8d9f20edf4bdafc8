/**
 * A token bucket: refilled at `ratePerSecond`, holding at most `capacity` tokens. The one
 * implementation behind the sync worker's per-marketplace pacing and the sandboxes' rate limit.
 * Time comes from `Date.now()` (or the `now` given), so tests drive it with fake timers.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    readonly ratePerSecond: number,
    readonly capacity: number,
    initialTokens: number = capacity,
    now: number = Date.now(),
  ) {
    if (!(ratePerSecond > 0)) throw new Error(`Rate must be positive, got ${ratePerSecond}`);
    if (!(capacity >= 1)) throw new Error(`Capacity must be at least 1, got ${capacity}`);
    this.tokens = Math.min(capacity, initialTokens);
    this.refilledAt = now;
  }

  private refill(now: number): void {
    if (now <= this.refilledAt) return;
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) * this.ratePerSecond) / 1000);
    this.refilledAt = now;
  }

  /** Takes a token and returns 0, or, when there is none, returns the ms until there will be one. */
  take(now: number = Date.now()): number {
    const wait = this.waitMs(now);
    if (wait === 0) this.tokens -= 1;
    return wait;
  }

  /** Ms until a token is there (0: now). */
  waitMs(now: number = Date.now()): number {
    if (now < this.refilledAt) return this.refilledAt - now + (Math.max(0, 1 - this.tokens) * 1000) / this.ratePerSecond;
    this.refill(now);
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / this.ratePerSecond;
  }

  /** No token before `until` (a Retry-After); the bucket refills from empty from then on. */
  emptyUntil(until: number): void {
    this.tokens = 0;
    this.refilledAt = until;
  }
}
