import type { Request, RequestHandler, Response } from 'express';
import { AssertionRefused, bodyDigest, GATEWAY_ASSERTION_HEADER, type AssertionVerifier, type VerifiedAssertion } from '../auth/gateway-assertion.js';
import { ErrorCode } from '../errors.js';
import { sendGraphQLError } from './graphql-body.js';

/**
 * A subgraph's /graphql answers only requests the gateway signed (core/auth/gateway-assertion.ts).
 * `before` checks the assertion before the body is even parsed (a stranger costs a signature check,
 * not a JSON parse); `rawBody` records the digest of the bytes received while the body is parsed;
 * `after` compares it with the digest the gateway signed. A refusal is HTTP 401 UNAUTHENTICATED and
 * no resolver runs. The verified assertion is on `res.locals` for the request's context.
 */
export function gatewayGuard(verify: AssertionVerifier): { before: RequestHandler; rawBody: (req: Request, res: Response, buf: Buffer) => void; after: RequestHandler } {
  const refuse = (res: Response, message: string) => sendGraphQLError(res, 401, message, { code: ErrorCode.UNAUTHENTICATED });
  return {
    before: async (req, res, next) => {
      if (req.method !== 'POST') return refuse(res, 'This subgraph answers only POST requests signed by the hub gateway.');
      try {
        res.locals.gatewayAssertion = await verify(req.headers[GATEWAY_ASSERTION_HEADER]);
        next();
      } catch (error) {
        if (error instanceof AssertionRefused) return refuse(res, error.message);
        next(error);
      }
    },
    rawBody: (_req, res, buf) => {
      res.locals.bodyDigest = bodyDigest(buf);
    },
    after: (_req, res, next) => {
      const assertion = res.locals.gatewayAssertion as VerifiedAssertion | undefined;
      if (!assertion || res.locals.bodyDigest !== assertion.bodyDigest) return refuse(res, 'The request body is not the one the gateway signed.');
      next();
    },
  };
}

/** The assertion `gatewayGuard` verified for this request. */
export function gatewayAssertionOf(res: Response): VerifiedAssertion {
  const assertion = res.locals.gatewayAssertion as VerifiedAssertion | undefined;
  if (!assertion) throw new Error('gatewayAssertionOf: the gateway guard did not run for this request');
  return assertion;
}
