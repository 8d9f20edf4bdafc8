import type { Fetcher } from '@apollo/utils.fetcher';
import { GATEWAY_ASSERTION_HEADER, type AssertionSigner, type GatewayAssertion } from '../core/auth/gateway-assertion.js';

/**
 * Carries what the gateway vouches for from `willSendRequest` (which knows the request's context)
 * to the fetcher (which alone sees the exact body bytes sent). The fetcher always removes it: it
 * never leaves the gateway.
 */
const CLAIMS_HEADER = 'x-hub-internal-assertion';

export function attachAssertion(headers: { set(name: string, value: string): void }, assertion: GatewayAssertion): void {
  headers.set(CLAIMS_HEADER, Buffer.from(JSON.stringify(assertion)).toString('base64url'));
}

/**
 * Wraps a subgraph's fetcher so every request it sends carries the gateway's signed assertion for
 * that subgraph (core/auth/gateway-assertion.ts), bound to the body it sends. A request without
 * attached claims is signed as anonymous with a fresh id.
 */
export function signingFetcher(fetcher: Fetcher, audience: string, sign: AssertionSigner, fallback: () => GatewayAssertion): Fetcher {
  return (async (url: string, init?: { headers?: Record<string, string>; body?: string }) => {
    const headers: Record<string, string> = { ...(init?.headers ?? {}) };
    let assertion: GatewayAssertion | undefined;
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() !== CLAIMS_HEADER) continue;
      assertion = JSON.parse(Buffer.from(headers[name], 'base64url').toString('utf8')) as GatewayAssertion;
      delete headers[name];
    }
    headers[GATEWAY_ASSERTION_HEADER] = await sign(audience, assertion ?? fallback(), init?.body ?? '');
    return fetcher(url, { ...(init as object), headers } as Parameters<Fetcher>[1]);
  }) as unknown as Fetcher;
}
