import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { rateLimited } from '../../../core/domain-errors.js';
import { FieldReport } from './field-report.entity.js';

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

function retryAfter(oldest: Date, now: Date): number {
  return Math.max(1, Math.ceil((oldest.getTime() + ANONYMOUS_LIMITS.windowMs - now.getTime()) / 1000));
}

/** What anonymous submissions are counted by per address: a hash of the address (the address itself is not stored). */
export function addressKeyOf(address: string | undefined): string | null {
  return address ? createHash('sha256').update(`address:${address}`).digest('hex') : null;
}

/** RATE_LIMITED (with retryAfterSeconds) when one more anonymous report would pass a limit. */
export async function checkAnonymousRate(em: EntityManager, communeId: string, rateKey: string | null, addressKey: string | null, now: Date): Promise<void> {
  const since = new Date(now.getTime() - ANONYMOUS_LIMITS.windowMs);
  if (addressKey) {
    const recent = await em.find(FieldReport, { addressKey, receivedAt: { $gt: since } }, { fields: ['receivedAt'], orderBy: { receivedAt: 'asc' }, limit: ANONYMOUS_LIMITS.perAddress, disableIdentityMap: true });
    if (recent.length >= ANONYMOUS_LIMITS.perAddress) {
      const seconds = retryAfter(recent[0].receivedAt, now);
      throw rateLimited(`Your address has sent ${ANONYMOUS_LIMITS.perAddress} field reports in the last hour, the most allowed without an account: try again in ${seconds} s, or sign in.`, seconds);
    }
  }
  if (rateKey) {
    const recent = await em.find(FieldReport, { rateKey, receivedAt: { $gt: since } }, { fields: ['receivedAt'], orderBy: { receivedAt: 'asc' }, limit: ANONYMOUS_LIMITS.perContact, disableIdentityMap: true });
    if (recent.length >= ANONYMOUS_LIMITS.perContact) {
      const seconds = retryAfter(recent[0].receivedAt, now);
      throw rateLimited(`This contact has sent ${ANONYMOUS_LIMITS.perContact} field reports in the last hour, the most allowed without an account: try again in ${seconds} s, or sign in.`, seconds);
    }
  }
  const communeRecent = await em.find(
    FieldReport,
    { communeId, reporterSubject: null, receivedAt: { $gt: since } },
    { fields: ['receivedAt'], orderBy: { receivedAt: 'asc' }, limit: ANONYMOUS_LIMITS.perCommune, disableIdentityMap: true },
  );
  if (communeRecent.length >= ANONYMOUS_LIMITS.perCommune) {
    const seconds = retryAfter(communeRecent[0].receivedAt, now);
    throw rateLimited(`This commune has received ${ANONYMOUS_LIMITS.perCommune} anonymous field reports in the last hour: try again in ${seconds} s, or sign in to report.`, seconds);
  }
}
