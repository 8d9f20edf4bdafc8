import { unwrapResolverError } from '@apollo/server/errors';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '../domain-errors.js';
import { ErrorCode, PUBLIC_ERROR_CODES } from '../errors.js';
import { toGraphQLError } from './domain-error-mapping.js';

// graphql-js 16 says "more that N tokens" (sic); accept either spelling.
const TOKEN_LIMIT = /Document contains more th(?:an|at) (\d+) tokens/;

/**
 * Operation limits are checked while parsing (graphql-js `maxTokens`) and validating (our rules);
 * Apollo Server files those errors under its own parse/validation codes, so the limit's code is
 * restored here from the `limit` extension the rules set, or from graphql-js's token message.
 */
function operationLimitOf(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const { code, limit, maximum, actual } = formatted.extensions ?? {};
  if (code === 'GRAPHQL_VALIDATION_FAILED' && typeof limit === 'string') {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit, maximum, actual } };
  }
  // graphql-js's own rule against introspection that nests `fields { type { fields ...` (exponential).
  if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message === 'Maximum introspection depth exceeded') {
    return {
      message: 'The introspection query nests type fields too deeply; the standard introspection query fits.',
      locations: formatted.locations,
      extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit: 'depth' },
    };
  }
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
  if (tokens) {
    return {
      message: `The operation has more than ${tokens[1]} tokens (names, punctuation, values), the limit: send a smaller operation or split it.`,
      extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit: 'tokens', maximum: Number(tokens[1]) },
    };
  }
  return undefined;
}

/**
 * Every error a client sees carries one of the public codes; anything unexpected becomes INTERNAL_SERVER_ERROR
 * and, in production, loses its message so no stack trace or SQL leaks.
 */
export function createErrorFormatter(options: { production: boolean; onInternalError?: (error: unknown) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // Resolvers map domain errors already (mapDomainErrors); this catches those thrown elsewhere (a reference resolver).
    if (original instanceof DomainError) {
      const { http: _http, ...extensions } = toGraphQLError(original).extensions;
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    if (original instanceof UniqueConstraintViolationException) {
      return {
        message: 'This record already exists (a unique key is taken): look it up instead of creating it again.',
        path: formatted.path,
        extensions: { code: ErrorCode.CONFLICT },
      };
    }
    const limitExceeded = operationLimitOf(formatted);
    if (limitExceeded) return limitExceeded;
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_ERROR_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST' || code === 'OPERATION_RESOLUTION_FAILURE') {
      return { ...formatted, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code } };
    }
    if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'PERSISTED_QUERY_NOT_SUPPORTED') return formatted;
    options.onInternalError?.(original);
    return {
      message: options.production ? 'Internal server error: the hub logged the details under this request id.' : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
