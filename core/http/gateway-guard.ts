import type { IncomingMessage } from 'node:http';
import { AssertionRefused, bodyDigest, GATEWAY_ASSERTION_HEADER, type AssertionVerifier, type VerifiedAssertion } from '../auth/gateway-assertion.js';

/**
 * A subgraph's /graphql answers only requests the gateway signed (core/auth/gateway-assertion.ts).
 * `admit` checks the method and the assertion before the body is even read (a stranger costs a
 * signature check, not a JSON parse); `checkBody` compares the digest of the bytes received with the
 * one the gateway signed. Both throw AssertionRefused, which the caller answers with HTTP 401
 * UNAUTHENTICATED before any resolver runs.
 */
export function gatewayGuard(verify: AssertionVerifier): {
  admit(req: IncomingMessage): Promise<VerifiedAssertion>;
  checkBody(assertion: VerifiedAssertion, body: Buffer | undefined): void;
} {
  return {
    async admit(req) {
      if (req.method !== 'POST') throw new AssertionRefused('This subgraph answers only POST requests signed by the hub gateway.');
      return verify(req.headers[GATEWAY_ASSERTION_HEADER]);
    },
    checkBody(assertion, body) {
      if (!body || bodyDigest(body) !== assertion.bodyDigest) throw new AssertionRefused('The request body is not the one the gateway signed.');
    },
  };
}
