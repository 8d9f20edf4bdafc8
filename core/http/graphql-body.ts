import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { bodyTooLarge, MALFORMED_JSON, operationNameRefusal, sendRefusal } from './request-refusals.js';

export interface GraphQLBodyOptions {
  /** Largest JSON body accepted, in bytes. */
  maxBytes: number;
  /** Longest `operationName` accepted in the body or the query string. */
  maxOperationNameLength: number;
}

/**
 * The JSON body of a GraphQL request, read with a size limit, and the checks that need no parsing:
 * a body over the limit is refused while it streams in (413), malformed JSON is BAD_USER_INPUT, and
 * an over-long operationName never reaches Apollo Server (which would echo it in its error message).
 */
export function graphqlBody(options: GraphQLBodyOptions): (RequestHandler | ErrorRequestHandler)[] {
  const bodyErrors: ErrorRequestHandler = (error: { type?: string; length?: number }, _req, res, next) => {
    if (error.type === 'entity.too.large') {
      return sendRefusal(res, bodyTooLarge(options.maxBytes, error.length));
    }
    if (error.type === 'entity.parse.failed' || error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
      return sendRefusal(res, MALFORMED_JSON);
    }
    next(error);
  };
  const operationName: RequestHandler = (req, res, next) => {
    const body = req.body as { operationName?: unknown } | undefined;
    const name = body?.operationName ?? req.query.operationName;
    const refusal = operationNameRefusal(name, options.maxOperationNameLength);
    if (refusal) return sendRefusal(res, refusal);
    next();
  };
  const json = express.json({ limit: options.maxBytes });
  return [json, bodyErrors, operationName];
}
