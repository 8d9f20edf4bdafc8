/**
 * postmart's assumed request signing (README.md), modelled on Shopee Open Platform v2:
 *
 *   base = partner_id + path + timestamp + shop_id + hex(sha256(body))
 *   sign = hex(hmac_sha256(partner_key, base))          (lower-case hex)
 *
 * `path` is the API path without host or query ("/api/v2/product/add_item"); `timestamp` is Unix
 * seconds; `body` is the exact request body bytes (the empty string for GET). partner_id, shop_id,
 * timestamp and sign travel as query parameters. The server refuses a timestamp more than
 * 300 seconds away from its clock.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const POSTMART_TIMESTAMP_TOLERANCE_SECONDS = 300;

export interface SignatureInput {
  partnerId: string;
  path: string;
  timestamp: number;
  shopId: string;
  body: string | Buffer;
}

export function bodyHash(body: string | Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

export function signatureBase(input: SignatureInput): string {
  return `${input.partnerId}${input.path}${input.timestamp}${input.shopId}${bodyHash(input.body)}`;
}

export function sign(partnerKey: string, input: SignatureInput): string {
  return createHmac('sha256', partnerKey).update(signatureBase(input)).digest('hex');
}

/** Constant-time comparison of a received signature with the expected one. */
export function signatureMatches(partnerKey: string, input: SignatureInput, received: string): boolean {
  const expected = Buffer.from(sign(partnerKey, input), 'utf8');
  const given = Buffer.from(received.toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
