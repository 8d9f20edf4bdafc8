import { createHash } from 'node:crypto';
import { rateLimited } from '../../../core/domain-errors.js';

/**
 * Anonymous submissions (no token) are limited, counted from the reports already stored (so the
 * limit holds across restarts and instances): per client address (the one the gateway signed in
 * its assertion: TRUSTED_PROXY_HEADER behind a proxy, else the socket's), per contact, and per
 * commune as a flood guard. The address limit is below the commune's, so one flooder is stopped
 * long before the commune's limit and cannot lock its citizens out.
 */
export const ANONYMOUS_LIMITS = {
  windowMs: 60 * 60 * 1000,
  /** Anonymous reports from one client address per window, whatever their contact or commune. */
  perAddress: 10,
  /** Reports from one phone number or e-mail address per window. */
  perContact: 3,
  /** Anonymous reports to one commune per window, whatever their contact. */
  perCommune: 30,
};

/** What anonymous submissions are counted by: a hash of the normalised phone (else e-mail); null without contact. */
export function rateKeyOf(phone: string | null, email: string | null): string | null {
  const key = phone ? `phone:${phone}` : email ? `email:${email.toLowerCase()}` : null;
  return key ? createHash('sha256').update(key).digest('hex') : null;
}

/** What anonymous submissions are counted by per address: a hash of the address (the address itself is not stored). */
export function addressKeyOf(address: string | undefined): string | null {
  return address ? createHash('sha256').update(`address:${address}`).digest('hex') : null;
}

/** The three counters an anonymous report is checked against, checked in this order. */
export type AnonymousLimitKind = 'address' | 'contact' | 'commune';

const LIMIT_OF: Record<AnonymousLimitKind, number> = {
  address: ANONYMOUS_LIMITS.perAddress,
  contact: ANONYMOUS_LIMITS.perContact,
  commune: ANONYMOUS_LIMITS.perCommune,
};

/** At most this many receipt times of one counter decide it: the limit's worth, oldest first. */
export function anonymousLimitOf(kind: AnonymousLimitKind): number {
  return LIMIT_OF[kind];
}

/**
 * RATE_LIMITED (with retryAfterSeconds, counted from the oldest receipt in the window) when one more
 * anonymous report would pass the `kind` limit. `recent` is the counter's receipts within the window,
 * oldest first, at most `anonymousLimitOf(kind)` of them.
 */
export function checkAnonymousLimit(kind: AnonymousLimitKind, recent: readonly Date[], now: Date): void {
  const limit = LIMIT_OF[kind];
  if (recent.length < limit) return;
  const seconds = Math.max(1, Math.ceil((recent[0].getTime() + ANONYMOUS_LIMITS.windowMs - now.getTime()) / 1000));
  switch (kind) {
    case 'address':
      throw rateLimited(`Your address has sent ${limit} field reports in the last hour, the most allowed without an account: try again in ${seconds} s, or sign in.`, seconds);
    case 'contact':
      throw rateLimited(`This contact has sent ${limit} field reports in the last hour, the most allowed without an account: try again in ${seconds} s, or sign in.`, seconds);
    case 'commune':
      throw rateLimited(`This commune has received ${limit} anonymous field reports in the last hour: try again in ${seconds} s, or sign in to report.`, seconds);
  }
}
