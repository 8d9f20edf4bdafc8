import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../core/token-bucket.js';

describe('core: token bucket', () => {
  it('gives its capacity at once, then one token per 1/rate second', () => {
    const bucket = new TokenBucket(10, 2, 2, 0);
    expect([bucket.take(0), bucket.take(0)]).toEqual([0, 0]);
    expect(bucket.take(0)).toBe(100);
    expect(bucket.take(50)).toBe(50);
    expect(bucket.take(100)).toBe(0);
    // Idle for long: never more than the capacity.
    expect([bucket.take(10_000), bucket.take(10_000), bucket.take(10_000)]).toEqual([0, 0, 100]);
  });

  it('gives nothing before the end of a pause, then refills from empty', () => {
    const bucket = new TokenBucket(10, 5, 5, 0);
    bucket.emptyUntil(1_000);
    expect(bucket.waitMs(500)).toBe(600);
    expect(bucket.take(1_000)).toBe(100);
    expect(bucket.take(1_100)).toBe(0);
  });

  it('refuses a rate or capacity that cannot work', () => {
    expect(() => new TokenBucket(0, 1)).toThrow(/Rate/);
    expect(() => new TokenBucket(1, 0)).toThrow(/Capacity/);
  });
});
