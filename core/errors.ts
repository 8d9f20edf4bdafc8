import { GraphQLError } from 'graphql';

/**
 * The public error codes of the graph (../shared/SCHEMA.md). Clients branch on these, so the set is
 * part of the contract: add a code only with a schema-guide change. Domain code throws the
 * transport-free errors of ./domain-errors.ts; ./graphql/domain-error-mapping.ts maps them here.
 * Errors of the transport itself (the gateway edge's limits) are built here as GraphQL errors.
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
  return new GraphQLError(message, { extensions: { limit, ...numbers, ...(status ? { http: { status } } : {}), code: ErrorCode.OPERATION_LIMIT_EXCEEDED } });
}
