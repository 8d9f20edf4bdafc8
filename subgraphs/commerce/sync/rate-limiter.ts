import { TokenBucket } from '../../../core/token-bucket.js';

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * A per-marketplace request pacer: a token bucket refilled at `ratePerSecond` holding at most
 * `burst` tokens; callers queue and each takes one token. The small bucket absorbs timer lateness
 * (a busy event loop) without ever sending more than `burst` requests back to back. A 429's
 * Retry-After pauses every caller of that marketplace, not only the one that got it.
 */
export class RateLimiter {
  private readonly queue: Waiter[] = [];
  private readonly bucket: TokenBucket;
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Total time the marketplace told us to wait (Retry-After), overlapping pauses counted once. */
  pausedMs = 0;

  constructor(ratePerSecond: number, burst: number = ratePerSecond >= 20 ? 2 : 1) {
    // One token at the start: a fresh worker does not send a burst the marketplace never allowed.
    this.bucket = new TokenBucket(ratePerSecond, burst, 1);
  }

  /** Resolves when the caller may send one request. */
  acquire(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.release();
    });
  }

  /** No request before now + ms (Retry-After); afterwards the bucket restarts with one token. */
  pause(ms: number): void {
    const now = Date.now();
    const until = now + ms;
    if (until <= this.pausedUntil) return;
    this.pausedMs += until - Math.max(now, this.pausedUntil);
    this.pausedUntil = until;
    this.bucket.emptyUntil(until);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.schedule();
  }

  private release(): void {
    const now = Date.now();
    if (now >= this.pausedUntil) {
      while (this.queue.length && this.bucket.take(now) === 0) {
        const waiter = this.queue.shift()!;
        if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
        waiter.resolve();
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || !this.queue.length) return;
    const now = Date.now();
    const wait = now < this.pausedUntil ? this.pausedUntil - now : this.bucket.waitMs(now);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.release();
    }, Math.max(0, Math.ceil(wait)));
  }
}
