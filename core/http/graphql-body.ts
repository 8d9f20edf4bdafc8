import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { ErrorCode, type OperationLimit } from '../errors.js';

export interface GraphQLBodyOptions {
  /** Largest JSON body accepted, in bytes. */
  maxBytes: number;
  /** Longest `operationName` accepted in the body or the query string. */
  maxOperationNameLength: number;
}

/** Answers in the GraphQL-over-HTTP error shape, so clients parse it like any other GraphQL error. */
export function sendGraphQLError(res: Response, status: number, message: string, extensions: Record<string, unknown>): void {
  res.status(status).json({ errors: [{ message, extensions }] });
}

function limitExceeded(res: Response, status: number, limit: OperationLimit, message: string, maximum: number, actual?: number): void {
  sendGraphQLError(res, status, message, { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit, maximum, ...(actual !== undefined ? { actual } : {}) });
}

/**
 * The JSON body of a GraphQL request, read with a size limit, and the checks that need no parsing:
 * a body over the limit is refused while it streams in (413), malformed JSON is BAD_USER_INPUT, and
 * an over-long operationName never reaches Apollo Server (which would echo it in its error message).
 */
export function graphqlBody(options: GraphQLBodyOptions): (RequestHandler | ErrorRequestHandler)[] {
  const bodyErrors: ErrorRequestHandler = (error: { type?: string; length?: number }, _req, res, next) => {
    if (error.type === 'entity.too.large') {
      return limitExceeded(res, 413, 'size', `The request body is over the limit of ${options.maxBytes} bytes. Send a smaller operation, or register it as a persisted query.`, options.maxBytes, error.length);
    }
    if (error.type === 'entity.parse.failed' || error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
      return sendGraphQLError(res, 400, 'The request body is not valid JSON: send {"query": "...", "variables": {...}} as application/json.', { code: ErrorCode.BAD_USER_INPUT });
    }
    next(error);
  };
  const operationName: RequestHandler = (req, res, next) => {
    const body = req.body as { operationName?: unknown } | undefined;
    const name = body?.operationName ?? req.query.operationName;
    const length = typeof name === 'string' ? name.length : 0;
    if (length > options.maxOperationNameLength) {
      return limitExceeded(
        res,
        400,
        'operationName',
        `The operation name is ${length} characters long; at most ${options.maxOperationNameLength} are allowed. Use a short, stable name.`,
        options.maxOperationNameLength,
        length,
      );
    }
    next();
  };
  const json = express.json({ limit: options.maxBytes });
  return [json, bodyErrors, operationName];
}
