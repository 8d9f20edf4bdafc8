import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { AssertionRefused, type VerifiedAssertion } from '../auth/gateway-assertion.js';
import { ErrorCode } from '../errors.js';
import { answerWithApollo } from './apollo-node-http.js';
import { gatewayGuard } from './gateway-guard.js';
import { isJsonRequest, JsonBodyError, parseJsonBody, readBody } from './json-body.js';
import { bodyTooLarge, MALFORMED_JSON, operationNameRefusal, sendRefusal } from './request-refusals.js';
import type { AssertionVerifier } from '../auth/gateway-assertion.js';

export interface SubgraphGraphQLOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  verify: AssertionVerifier;
  /** Largest JSON body accepted, in bytes. */
  maxBytes: number;
  /** Longest `operationName` accepted in the body or the query string. */
  maxOperationNameLength: number;
  /** The request's context, from what the gateway verified (the viewer, its request id): never the caller's word. */
  context(assertion: VerifiedAssertion): Promise<TContext>;
  /** A failure that is no refusal (a bug, the verifier's own error): logged, answered 500. */
  onError(error: unknown): void;
}

function bodyRefusal(res: ServerResponse, error: JsonBodyError, maxBytes: number): void {
  if (error.type === 'entity.too.large') {
    res.setHeader('connection', 'close');
    return sendRefusal(res, bodyTooLarge(maxBytes, error.length));
  }
  if (error.type === 'request.aborted') return void res.destroy();
  sendRefusal(res, MALFORMED_JSON);
}

/** `/graphql`, with or without a trailing slash or a query string (Express matched the path case-insensitively). */
export function isGraphQLPath(url: string | undefined): boolean {
  const end = url ? url.indexOf('?') : -1;
  const path = (end < 0 ? (url ?? '') : url!.slice(0, end)).toLowerCase();
  return path === '/graphql' || path === '/graphql/';
}

function operationNameOf(body: unknown, search: string): unknown {
  const fromBody = (body as { operationName?: unknown } | null)?.operationName;
  return fromBody ?? (search ? new URLSearchParams(search).get('operationName') : undefined) ?? undefined;
}

/**
 * A subgraph's /graphql on plain node:http, without Express: the per-request work of the Express
 * chain it replaces (router, body-parser, the Apollo integration's `res.send` with its ETag hash) was
 * a fifth of a lookup's CPU. The order of the checks is the chain's: the method and the gateway's
 * assertion before the body is read; the body read with a size limit (413) and compared with the
 * digest the gateway signed (401) before it is parsed (400); an over-long operationName refused
 * before Apollo Server sees it (it would echo it); then Apollo Server's own HTTP handling
 * (`executeHTTPGraphQLRequest`: CSRF prevention, content negotiation, cache-control).
 */
export function subgraphGraphQLHandler<TContext extends BaseContext>(options: SubgraphGraphQLOptions<TContext>): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const guard = gatewayGuard(options.verify);
  const { apollo, maxBytes, maxOperationNameLength } = options;
  return async (req, res) => {
    try {
      let assertion: VerifiedAssertion;
      let raw: Buffer | undefined;
      try {
        assertion = await guard.admit(req);
        // Not JSON: nothing is read, so nothing matches the signed digest (as express.json() skipped such bodies).
        raw = isJsonRequest(req) ? await readBody(req, maxBytes) : (req.resume(), undefined);
        guard.checkBody(assertion, raw);
      } catch (error) {
        if (error instanceof AssertionRefused) {
          req.resume();
          return sendRefusal(res, { status: 401, message: error.message, extensions: { code: ErrorCode.UNAUTHENTICATED } });
        }
        if (error instanceof JsonBodyError) return bodyRefusal(res, error, maxBytes);
        throw error;
      }
      let body: unknown;
      try {
        body = parseJsonBody(raw!);
      } catch (error) {
        if (error instanceof JsonBodyError) return bodyRefusal(res, error, maxBytes);
        throw error;
      }
      const url = req.url ?? '';
      const queryAt = url.indexOf('?');
      const search = queryAt < 0 ? '' : url.slice(queryAt);
      const nameRefusal = operationNameRefusal(operationNameOf(body, search), maxOperationNameLength);
      if (nameRefusal) return sendRefusal(res, nameRefusal);
      await answerWithApollo(apollo, req, res, { search, body, context: () => options.context(assertion) });
    } catch (error) {
      options.onError(error);
      if (res.headersSent) return void res.destroy();
      sendRefusal(res, { status: 500, message: 'Internal server error.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
    }
  };
}
