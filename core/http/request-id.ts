import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isTrustedProxy } from './trusted-proxies.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The request id a caller sent, when it looks sane: kept for correlation beside the gateway's own
 * id, never used as it (a caller could otherwise choose what the audit log records).
 */
export function callerRequestIdFrom(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : undefined;
}

/**
 * The client's address. Behind a reverse proxy the socket's address is the proxy's, so the operator
 * names the header the proxy sets (TRUSTED_PROXY_HEADER); for x-forwarded-for the last entry is the
 * one the trusted proxy appended (earlier ones are whatever the client wrote). The header is believed
 * only from a socket address in `trustedProxies` (TRUSTED_PROXIES: addresses or ranges); without the setting, or from any
 * other socket, it is ignored: a client cannot choose its address.
 */
export function clientAddressOf(req: IncomingMessage, trustedHeader: string | undefined, trustedProxies: readonly string[] = []): string | undefined {
  if (trustedHeader && isTrustedProxy(req.socket.remoteAddress, trustedProxies)) {
    const raw = req.headers[trustedHeader];
    const value = (Array.isArray(raw) ? raw[raw.length - 1] : raw)?.split(',').pop()?.trim();
    if (value && /^[0-9a-fA-F:.]{2,64}$/.test(value)) return value;
  }
  return req.socket.remoteAddress ?? undefined;
}

/** A caller's sane request id, or a new one (the marketplace sandboxes echo what they were sent, as real APIs do). */
export function requestIdFrom(header: string | string[] | undefined): string {
  return callerRequestIdFrom(header) ?? randomUUID();
}
