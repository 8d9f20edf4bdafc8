import type { ServerResponse } from 'node:http';
import { ErrorCode } from '../errors.js';

/**
 * A GraphQL request refused before Apollo Server sees it: the HTTP status and the one error of the
 * GraphQL-over-HTTP answer. The gateway's and the subgraphs' /graphql paths (node:http and Express)
 * refuse with these, so a client gets the same words and codes wherever it was stopped.
 */
export interface RequestRefusal {
  status: number;
  message: string;
  extensions: Record<string, unknown>;
}

/** Writes the refusal as `{ errors: [...] }` JSON, as any other GraphQL error (Express's `res` is a ServerResponse too). */
export function sendRefusal(res: ServerResponse, refusal: RequestRefusal): void {
  const text = JSON.stringify({ errors: [{ message: refusal.message, extensions: refusal.extensions }] });
  res.statusCode = refusal.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/** 413: a body over the limit, refused while it streams in (`actual` when the request declared its length). */
export function bodyTooLarge(maxBytes: number, actual?: number): RequestRefusal {
  return {
    status: 413,
    message: `The request body is over the limit of ${maxBytes} bytes. Send a smaller operation, or register it as a persisted query.`,
    extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit: 'size', maximum: maxBytes, ...(actual !== undefined ? { actual } : {}) },
  };
}

/** 400: a body that is not a JSON object or array (or not in a charset and encoding we read). */
export const MALFORMED_JSON: RequestRefusal = {
  status: 400,
  message: 'The request body is not valid JSON: send {"query": "...", "variables": {...}} as application/json.',
  extensions: { code: ErrorCode.BAD_USER_INPUT },
};

/** The words for an over-long operation name, also used by the validation rule that checks the document's own name. */
export function operationNameTooLongMessage(length: number, maximum: number): string {
  return `The operation name is ${length} characters long; at most ${maximum} are allowed. Use a short, stable name.`;
}

/**
 * 400 when the request's `operationName` (body, else query string) is longer than `maximum`: it is
 * refused before Apollo Server, which would echo it in an error message and a metrics label.
 */
export function operationNameRefusal(name: unknown, maximum: number): RequestRefusal | null {
  const length = typeof name === 'string' ? name.length : 0;
  if (length <= maximum) return null;
  return {
    status: 400,
    message: operationNameTooLongMessage(length, maximum),
    extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit: 'operationName', maximum, actual: length },
  };
}
