import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../../subgraphs/commerce/sync/rate-limiter.js';

describe('commerce sync: the per-marketplace rate limiter (fake clock)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Starts `count` callers and records when (fake ms) each is let through. */
  function acquireAll(limiter: RateLimiter, count: number): number[] {
    const times: number[] = [];
    for (let i = 0; i < count; i++) void limiter.acquire().then(() => times.push(Date.now()));
    return times;
  }

  it('paces callers to the rate, never more than the burst back to back', async () => {
    const times = acquireAll(new RateLimiter(100, 2), 21);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(times).toHaveLength(21);
    // One token at the start, then one per 10 ms: the 21st caller at 200 ms.
    expect(times[0]).toBe(0);
    expect(times[20]).toBe(200);
    for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(10);
  });

  it('lets nobody through before the time a 10 req/s rate allows', async () => {
    const times = acquireAll(new RateLimiter(10), 5);
    await vi.advanceTimersByTimeAsync(399);
    expect(times).toEqual([0, 100, 200, 300]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toHaveLength(5);
  });

  it('honours Retry-After for every caller of the marketplace, and counts the pause', async () => {
    const limiter = new RateLimiter(1000);
    await limiter.acquire();
    limiter.pause(250);
    const times = acquireAll(limiter, 2);
    await vi.advanceTimersByTimeAsync(249);
    expect(times).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    // The bucket refills from empty when the pause ends: 1 ms per token at 1000/s.
    expect(times).toEqual([251, 252]);
    expect(limiter.pausedMs).toBe(250);
    // An overlapping, shorter pause adds nothing.
    limiter.pause(100);
    limiter.pause(50);
    expect(limiter.pausedMs).toBe(350);
  });

  it('lets an aborted caller leave the queue', async () => {
    const limiter = new RateLimiter(1);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});
