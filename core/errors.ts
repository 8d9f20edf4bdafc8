import { GraphQLError } from 'graphql';

/**
 * The public error codes of the graph (../shared/SCHEMA.md). Clients branch on these, so the set is
 * part of the contract: add a code only with a schema-guide change.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE',
  /** The operation is over a limit (depth, aliases, cost, size, time ...): `extensions.limit` says which. */
  OPERATION_LIMIT_EXCEEDED = 'OPERATION_LIMIT_EXCEEDED',
  /** Trusted-documents mode: only operations registered in the manifest run. */
  PERSISTED_QUERY_NOT_IN_LIST = 'PERSISTED_QUERY_NOT_IN_LIST',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

export function hubError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** `field` is the input path, e.g. `input.receivedAt`, so a form can put the message beside the field. */
export function badUserInput(message: string, field: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return hubError(ErrorCode.BAD_USER_INPUT, message, { ...extensions, field });
}

export function unauthenticated(message = 'Sign in first: send a bearer token in the Authorization header.'): GraphQLError {
  return hubError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
}

export function forbidden(message: string): GraphQLError {
  return hubError(ErrorCode.FORBIDDEN, message);
}

export function notFound(message: string): GraphQLError {
  return hubError(ErrorCode.NOT_FOUND, message);
}

export function conflict(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return hubError(ErrorCode.CONFLICT, message, extensions);
}

export function rateLimited(message: string, retryAfterSeconds: number): GraphQLError {
  return hubError(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds });
}

/** Which limit an OPERATION_LIMIT_EXCEEDED error is about (`extensions.limit`). */
export type OperationLimit = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'size' | 'operationName' | 'time' | 'responseSize';

/**
 * An operation refused (or cut short) by a limit: HTTP 400 when refused before it runs, `status`
 * null when it was cut short while running (the partial answer keeps its 200). `maximum` and
 * `actual` tell a client how far over it was.
 */
export function operationLimitExceeded(
  limit: OperationLimit,
  message: string,
  numbers: { maximum?: number; actual?: number } = {},
  status: number | null = 400,
): GraphQLError {
  return hubError(ErrorCode.OPERATION_LIMIT_EXCEEDED, message, { limit, ...numbers, ...(status ? { http: { status } } : {}) });
}

/** An error in a file or CLI input, reported with the 1-based line it came from. */
export class InputLineError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
    readonly source?: string,
  ) {
    super(`${source ? `${source}:` : 'line '}${line}: ${reason}`);
    this.name = 'InputLineError';
  }
}
