import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import type { ApolloServer, BaseContext, ContextFunction } from '@apollo/server';
import type { RequestHandler } from 'express';
import { ErrorCode } from '../core/errors.js';
import { answerWithApollo } from '../core/http/apollo-node-http.js';
import { bodyTooLarge, MALFORMED_JSON, operationNameRefusal, sendRefusal } from '../core/http/request-refusals.js';
import { NOT_IN_LIST, trustedDocumentAllowed, type TrustedDocuments } from './trusted-documents.js';

export interface GraphQLPostOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** CORS for /graphql (cors.ts): the headers every answer carries, errors included. */
  cors: RequestHandler;
  maxBytes: number;
  maxOperationNameLength: number;
  trusted?: TrustedDocuments;
  context: ContextFunction<[{ req: IncomingMessage; res: ServerResponse }], TContext>;
}

/**
 * Whether a request is the common GraphQL POST that this path answers exactly as the express stack
 * would: `/graphql`, a JSON body in UTF-8, not compressed. Anything else (another charset, a
 * compressed body, a request without a body, other paths and methods) goes to express unchanged.
 */
function isPlainGraphQLPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  if (url !== '/graphql' && !url.startsWith('/graphql?')) return false;
  const { headers } = req;
  if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) return false;
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const contentType = headers['content-type'];
  if (!contentType) return false;
  const [media, ...parameters] = contentType.split(';');
  if (media.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name, value] = parameter.split('=');
    return name.trim().toLowerCase() !== 'charset' || value?.trim().replace(/^"|"$/g, '').toLowerCase() === 'utf-8';
  });
}

/**
 * POST /graphql straight from node:http to Apollo Server's executeHTTPGraphQLRequest, without
 * express: its router, body-parser (raw-body, iconv, type-is), the express integration's header
 * copies and res.send's ETag cost about a fifth of the gateway's CPU on a one-subgraph lookup. The
 * checks are the ones core/http/graphql-body.ts and trusted-documents.ts make on the express path,
 * with the same answers: CORS headers first, a body over `maxBytes` refused while it streams in
 * (413), malformed JSON as BAD_USER_INPUT, an over-long operationName, and in enforce mode an
 * operation that is not in the manifest. Returns false, touching nothing, for any other request.
 */
export function graphqlPostHandler<TContext extends BaseContext>(options: GraphQLPostOptions<TContext>): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { apollo, maxBytes, maxOperationNameLength, trusted } = options;
  const tooLarge = (res: ServerResponse, actual?: number) => sendRefusal(res, bodyTooLarge(maxBytes, actual));

  const answer = async (req: IncomingMessage, res: ServerResponse, text: string): Promise<void> => {
    // As body-parser's strict JSON: an empty body is {}, anything but an object or array is malformed.
    let body: unknown;
    const trimmed = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const first = trimmed.trimStart()[0];
    try {
      if (trimmed.length === 0) body = {};
      else if (first !== '{' && first !== '[') throw new SyntaxError('not a JSON object');
      else body = JSON.parse(trimmed);
    } catch {
      return sendRefusal(res, MALFORMED_JSON);
    }
    const url = req.url ?? '';
    const at = url.indexOf('?');
    const search = at < 0 ? '' : url.slice(at);
    const name = (body as { operationName?: unknown } | null)?.operationName ?? (search ? parseQueryString(search.slice(1)).operationName : undefined);
    const nameRefusal = operationNameRefusal(name, maxOperationNameLength);
    if (nameRefusal) return sendRefusal(res, nameRefusal);
    if (trusted && !trustedDocumentAllowed(trusted, 'POST', body as { query?: unknown; extensions?: unknown })) {
      return sendRefusal(res, NOT_IN_LIST);
    }
    await answerWithApollo(apollo, req, res, { search, body, context: () => options.context({ req, res }) });
  };

  const read = (req: IncomingMessage, res: ServerResponse) => {
    const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
    if (declared !== undefined && declared > maxBytes) return tooLarge(res, declared);
    const chunks: Buffer[] = [];
    let received = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      received += chunk.length;
      if (received > maxBytes) {
        refused = true;
        chunks.length = 0;
        return tooLarge(res);
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
      answer(req, res, text).catch(() => {
        if (res.headersSent) return void res.destroy();
        sendRefusal(res, { status: 500, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
      });
    });
    req.on('error', () => res.destroy());
  };

  return (req, res) => {
    if (!isPlainGraphQLPost(req)) return false;
    // CORS headers first, as express ran the cors middleware before the body (a 413 carries them too).
    options.cors(req as Parameters<RequestHandler>[0], res as Parameters<RequestHandler>[1], () => read(req, res));
    return true;
  };
}
