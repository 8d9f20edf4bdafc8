/**
 * How the postmart sandbox checks a request's partner, shop, timestamp and signature (README.md,
 * "Base URL and signing"). Pure: returns the shop the request acts for, or the refusal to answer.
 */
import type { Request } from 'express';
import { rawBody } from '../marketplace/sandbox/app.js';
import { POSTMART_TIMESTAMP_TOLERANCE_SECONDS, signatureMatches } from './signing.js';

export interface SandboxPartner {
  partnerId: string;
  partnerKey: string;
  shopIds: string[];
}

export type SignatureCheck = { ok: true; shopId: string } | { ok: false; status: number; error: string; message: string };

export function checkSignature(req: Request, partners: readonly SandboxPartner[], nowMs: number = Date.now()): SignatureCheck {
  const { partner_id: partnerId, shop_id: shopId, timestamp, sign } = req.query;
  const refuse = (status: number, error: string, message: string): SignatureCheck => ({ ok: false, status, error, message });
  if (typeof partnerId !== 'string' || typeof shopId !== 'string' || typeof timestamp !== 'string' || typeof sign !== 'string') {
    return refuse(400, 'error_param', 'partner_id, shop_id, timestamp and sign are required query parameters');
  }
  const partner = partners.find((p) => p.partnerId === partnerId);
  if (!partner) return refuse(401, 'error_auth', `unknown partner_id ${partnerId}`);
  if (!partner.shopIds.includes(shopId)) return refuse(403, 'error_permission', `partner ${partnerId} may not act for shop ${shopId}`);
  const ts = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Math.floor(nowMs / 1000) - ts) > POSTMART_TIMESTAMP_TOLERANCE_SECONDS) {
    return refuse(401, 'error_timestamp', `timestamp ${timestamp} is more than ${POSTMART_TIMESTAMP_TOLERANCE_SECONDS} s from the server clock`);
  }
  const body = req.method === 'GET' ? Buffer.alloc(0) : rawBody(req);
  if (!signatureMatches(partner.partnerKey, { partnerId, path: req.path, timestamp: ts, shopId, body }, sign)) {
    return refuse(401, 'error_sign', 'wrong sign: hmac_sha256(partner_key, partner_id + path + timestamp + shop_id + sha256_hex(body))');
  }
  return { ok: true, shopId };
}
