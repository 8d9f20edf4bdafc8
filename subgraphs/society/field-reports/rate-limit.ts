import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { rateLimited } from '../../../core/domain-errors.js';
import { FieldReport } from './field-report.entity.js';

/**
 * Anonymous submissions (no token) are limited, counted from the reports already stored (so the
 * limit holds across restarts and instances): per contact, and per commune as a flood guard.
 * The subgraph does not see the caller's IP address behind the gateway, so per-address limits are
 * not possible here (see the README).
 */
export const ANONYMOUS_LIMITS = {
  windowMs: 60 * 60 * 1000,
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

/** RATE_LIMITED (with retryAfterSeconds) when one more anonymous report would pass a limit. */
export async function checkAnonymousRate(em: EntityManager, communeId: string, rateKey: string | null, now: Date): Promise<void> {
  const since = new Date(now.getTime() - ANONYMOUS_LIMITS.windowMs);
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
