/**
 * The signature scheme of marketplace event pushes (webhooks): HMAC-SHA256 over
 * `<unix seconds>.<raw body>` with a secret shared with the marketplace, sent beside the timestamp.
 * The timestamp is inside the signed bytes, so an old push cannot be replayed with a fresh one, and
 * a push older (or newer) than the replay window is refused even when its signature is right.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a push's timestamp may be from the receiver's clock (either way). */
export const WEBHOOK_REPLAY_WINDOW_MS = 5 * 60 * 1000;

export type WebhookCheck = { ok: true } | { ok: false; reason: string };

/** Hex HMAC-SHA256 of `<timestamp>.<body>`. */
export function webhookSignature(secret: string, timestampSeconds: number, body: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.`).update(body).digest('hex');
}

/**
 * Checks a push: a timestamp within the window and the signature of these exact bytes, compared in
 * constant time. Reasons never echo what was sent.
 */
export function checkWebhookSignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer;
  nowMs: number;
  windowMs?: number;
}): WebhookCheck {
  if (!input.timestamp || !input.signature) return { ok: false, reason: 'the push is not signed (timestamp and signature headers are required)' };
  if (!/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: 'the timestamp is not a number of Unix seconds' };
  const ageMs = Math.abs(input.nowMs - Number(input.timestamp) * 1000);
  if (ageMs > (input.windowMs ?? WEBHOOK_REPLAY_WINDOW_MS)) return { ok: false, reason: 'the timestamp is outside the replay window' };
  const sent = /^(?:sha256=)?([0-9a-f]{64})$/i.exec(input.signature.trim())?.[1];
  if (!sent) return { ok: false, reason: 'the signature is not a hex HMAC-SHA256' };
  const expected = Buffer.from(webhookSignature(input.secret, Number(input.timestamp), input.body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(sent.toLowerCase(), 'hex'))) return { ok: false, reason: 'the signature does not match' };
  return { ok: true };
}
