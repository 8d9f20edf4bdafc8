import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../../core/domain-errors.js';
import { ANONYMOUS_LIMITS, addressKeyOf, anonymousLimitOf, checkAnonymousLimit, rateKeyOf } from '../../../../subgraphs/society/field-reports/anonymous-limit.rules.js';

const now = new Date('2026-12-02T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

function refusal(run: () => void): RateLimitedError {
  try {
    run();
  } catch (error) {
    if (error instanceof RateLimitedError) return error;
    throw error;
  }
  throw new Error('expected a RATE_LIMITED refusal');
}

describe('anonymous field-report limits', () => {
  it('lets a report through while a counter is below its limit', () => {
    const almost = Array.from({ length: ANONYMOUS_LIMITS.perAddress - 1 }, (_, i) => minutesAgo(50 - i));
    expect(() => checkAnonymousLimit('address', almost, now)).not.toThrow();
  });

  it('refuses the next one at the limit, with the wait counted from the oldest receipt in the window', () => {
    const full = Array.from({ length: ANONYMOUS_LIMITS.perContact }, (_, i) => minutesAgo(40 - i));
    const error = refusal(() => checkAnonymousLimit('contact', full, now));
    expect(error.kind).toBe('RATE_LIMITED');
    // the oldest (40 minutes ago) leaves the hour window in 20 minutes
    expect(error.retryAfterSeconds).toBe(20 * 60);
    expect(error.message).toContain('This contact has sent 3 field reports');
  });

  it('names which counter is full, so a citizen knows whether signing in helps', () => {
    const full = (kind: 'address' | 'commune') => Array.from({ length: anonymousLimitOf(kind) }, () => minutesAgo(1));
    expect(refusal(() => checkAnonymousLimit('address', full('address'), now)).message).toMatch(/^Your address has sent 10/);
    expect(refusal(() => checkAnonymousLimit('commune', full('commune'), now)).message).toMatch(/^This commune has received 30/);
  });

  it('never waits less than a second', () => {
    const error = refusal(() => checkAnonymousLimit('address', Array.from({ length: 10 }, () => minutesAgo(60)), now));
    expect(error.retryAfterSeconds).toBe(1);
  });

  it('counts by hashes, never the contact or address itself, and folds e-mail case', () => {
    const key = rateKeyOf(null, 'Lan@Example.VN');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).toBe(rateKeyOf(null, 'lan@example.vn'));
    expect(rateKeyOf('0912345678', 'lan@example.vn')).not.toBe(key);
    expect(rateKeyOf(null, null)).toBeNull();
    expect(addressKeyOf('203.0.113.7')).toMatch(/^[0-9a-f]{64}$/);
    expect(addressKeyOf(undefined)).toBeNull();
  });
});
