import { GraphQLError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { DomainError, type DomainErrorKind } from '../domain-errors.js';
import { ErrorCode } from '../errors.js';

/** The one place a domain error becomes a public GraphQL code. */
const CODES: Readonly<Record<DomainErrorKind, ErrorCode>> = {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  UNAUTHENTICATED: ErrorCode.UNAUTHENTICATED,
  FORBIDDEN: ErrorCode.FORBIDDEN,
  NOT_FOUND: ErrorCode.NOT_FOUND,
  CONFLICT: ErrorCode.CONFLICT,
  RATE_LIMITED: ErrorCode.RATE_LIMITED,
};

/** `extensions`: the error's details and its code; UNAUTHENTICATED also answers HTTP 401. */
export function toGraphQLError(error: DomainError): GraphQLError {
  const http = error.kind === 'UNAUTHENTICATED' ? { http: { status: 401 } } : {};
  return new GraphQLError(error.message, { originalError: error, extensions: { ...error.details, ...http, code: CODES[error.kind] } });
}

/** Every resolver runs inside this: a domain error leaves it as the GraphQL error clients know. */
export const mapDomainErrors: MiddlewareFn = async (_action, next) => {
  try {
    return await next();
  } catch (error) {
    throw error instanceof DomainError ? toGraphQLError(error) : error;
  }
};
