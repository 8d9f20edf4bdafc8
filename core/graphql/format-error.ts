import { unwrapResolverError } from '@apollo/server/errors';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '../domain-errors.js';
import { ErrorCode, PUBLIC_ERROR_CODES } from '../errors.js';
import { toGraphQLError } from './domain-error-mapping.js';

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
