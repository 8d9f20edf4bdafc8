/**
 * The public error codes of the graph (../shared/SCHEMA.md). Clients branch on these, so the set is
 * part of the contract: add a code only with a schema-guide change. Domain code throws the
 * transport-free errors of ./domain-errors.ts; ./graphql/domain-error-mapping.ts maps them here.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));
