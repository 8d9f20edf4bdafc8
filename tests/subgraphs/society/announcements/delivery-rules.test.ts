import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextStep, type FailureKind } from '../../../../subgraphs/society/announcements/delivery.rules.js';
import { inAudience } from '../../../../subgraphs/society/announcements/announcement.rules.js';
import { AudienceKind } from '../../../../subgraphs/society/announcements/announcement-enums.js';
import { audienceKey, checkOptOutCode, maskPhone, newOptOutCode } from '../../../../subgraphs/society/announcements/subscriber.rules.js';

const settings = { maxAttempts: 5, minBackoffMs: 100, maxBackoffMs: 10_000 };
const retryable: FailureKind[] = ['TRANSIENT', 'UNKNOWN_OUTCOME', 'RATE_LIMITED', 'AUTH'];

describe('nextStep: retry or give up after a failed delivery attempt', () => {
  it('never retries what the channel refused, and never past maxAttempts', () => {
    fc.assert(
      fc.property(fc.constantFrom<FailureKind>('REJECTED', 'NOT_FOUND', ...retryable), fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), (kind, attempts, random) => {
        const step = nextStep(kind, attempts, settings, random);
        if (kind === 'REJECTED' || kind === 'NOT_FOUND' || attempts >= settings.maxAttempts) expect(step.retry).toBe(false);
        else expect(step.retry).toBe(true);
      }),
    );
  });

  it('waits between minBackoffMs and maxBackoffMs, never less than a Retry-After, and never less for a later attempt (same dice)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...retryable), fc.integer({ min: 1, max: 3 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }), (kind, attempts, random, retryAfterMs) => {
        const step = nextStep(kind, attempts, settings, random, retryAfterMs);
        const later = nextStep(kind, attempts + 1, settings, random, retryAfterMs);
        if (!step.retry || !later.retry) throw new Error('expected retries');
        expect(step.delayMs).toBeGreaterThanOrEqual(Math.max(settings.minBackoffMs, retryAfterMs ?? 0));
        expect(step.delayMs).toBeLessThanOrEqual(Math.max(settings.maxBackoffMs, retryAfterMs ?? 0));
        expect(later.delayMs).toBeGreaterThanOrEqual(step.delayMs);
      }),
    );
  });
});

describe('audiences, opt-out codes and masked phones', () => {
  it('matches villages and groups whatever their case and diacritics', () => {
    const subscriber = { villageKey: audienceKey('Thôn Gò Bùi'), groups: [audienceKey('Hội Nông dân')] };
    expect(inAudience(subscriber, AudienceKind.VILLAGES, ['thon go bui'])).toBe(true);
    expect(inAudience(subscriber, AudienceKind.VILLAGES, ['Thôn Khác'])).toBe(false);
    expect(inAudience(subscriber, AudienceKind.GROUPS, ['HỘI NÔNG DÂN'])).toBe(true);
    expect(inAudience({ villageKey: null, groups: [] }, AudienceKind.EVERYONE, [])).toBe(true);
    expect(inAudience({ villageKey: null, groups: [] }, AudienceKind.VILLAGES, ['Thôn 1'])).toBe(false);
  });

  it('generates opt-out codes that its own check accepts, typed in any case or with spaces', () => {
    fc.assert(
      fc.property(fc.integer(), () => {
        const code = newOptOutCode();
        expect(checkOptOutCode(code)).toBe(code);
        expect(checkOptOutCode(`${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`)).toBe(code);
      }),
      { numRuns: 200 },
    );
  });

  it('masks all but the first three and last two digits', () => {
    expect(maskPhone('0912345678')).toBe('091•••••78');
    expect(maskPhone('+33612345678')).toBe('+33•••••••78');
  });
});
