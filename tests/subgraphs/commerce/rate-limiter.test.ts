import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../subgraphs/commerce/sync/rate-limiter.js';

describe('commerce sync: the per-marketplace rate limiter', () => {
  it('paces callers to the rate, never more than the burst back to back', async () => {
    const limiter = new RateLimiter(100, 2);
    const times: number[] = [];
    const start = Date.now();
    await Promise.all(Array.from({ length: 21 }, () => limiter.acquire().then(() => times.push(Date.now() - start))));
    // 21 calls at 100/s starting with one token: the last one no earlier than 200 ms.
    expect(Math.max(...times)).toBeGreaterThanOrEqual(190);
    const sorted = [...times].sort((a, b) => a - b);
    for (let i = 2; i < sorted.length; i++) expect(sorted[i] - sorted[i - 2]).toBeGreaterThanOrEqual(9);
  });

  it('honours Retry-After for every caller of the marketplace', async () => {
    const limiter = new RateLimiter(1000);
    await limiter.acquire();
    const start = Date.now();
    limiter.pause(250);
    await Promise.all([limiter.acquire(), limiter.acquire()]);
    expect(Date.now() - start).toBeGreaterThanOrEqual(245);
    expect(limiter.pausedMs).toBeGreaterThanOrEqual(245);
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
