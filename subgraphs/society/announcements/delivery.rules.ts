/**
 * What the delivery worker does after an attempt fails, by the failure's kind (the ConnectorError
 * kinds of connectors/marketplace/http.ts). Pure: the worker gives it the attempt count and a random
 * number, so the rule can be tested on its own.
 */
export type FailureKind = 'TRANSIENT' | 'UNKNOWN_OUTCOME' | 'RATE_LIMITED' | 'AUTH' | 'NOT_FOUND' | 'REJECTED';

export interface BackoffSettings {
  maxAttempts: number;
  minBackoffMs: number;
  maxBackoffMs: number;
}

export type NextStep = { retry: true; delayMs: number } | { retry: false; reason: string };

/**
 * Retry (with a delay) or give up. TRANSIENT, UNKNOWN_OUTCOME (the same client message id makes the
 * repeat safe), RATE_LIMITED (at least its Retry-After) and AUTH (credentials being rotated) are
 * retried until `maxAttempts` calls were made; REJECTED and NOT_FOUND are final. The delay doubles
 * from `minBackoffMs` per attempt, jittered ×1 to ×2, capped at `maxBackoffMs`; a longer Retry-After wins.
 */
export function nextStep(kind: FailureKind, attemptsMade: number, settings: BackoffSettings, random: number, retryAfterMs?: number): NextStep {
  if (kind === 'REJECTED' || kind === 'NOT_FOUND') return { retry: false, reason: 'refused by the channel' };
  if (attemptsMade >= settings.maxAttempts) return { retry: false, reason: `gave up after ${attemptsMade} attempts` };
  const exponential = settings.minBackoffMs * 2 ** Math.max(0, attemptsMade - 1) * (1 + Math.min(1, Math.max(0, random)));
  const delayMs = Math.max(Math.min(settings.maxBackoffMs, exponential), retryAfterMs ?? 0);
  return { retry: true, delayMs: Math.round(delayMs) };
}
