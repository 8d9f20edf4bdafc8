import { unwrapResolverError } from '@apollo/server/errors';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { ErrorCode, PUBLIC_ERROR_CODES } from '../errors.js';

/** The path (e.g. `input.items.2.amountVnd`) and message of the first failed class-validator rule. */
function firstViolation(errors: ValidationError[], prefix: string[] = []): { path: string; constraint?: string } {
  const first = errors[0];
  if (!first) return { path: prefix.join('.') };
  const path = [...prefix, first.property];
  if (first.constraints) return { path: path.join('.'), constraint: Object.values(first.constraints)[0] };
  return firstViolation(first.children ?? [], path);
}

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
 * Every error a client sees carries one of the public codes. Validation failures become
 * BAD_USER_INPUT with the offending input path; anything unexpected becomes INTERNAL_SERVER_ERROR
 * and, in production, loses its message so no stack trace or SQL leaks.
 */
export function createErrorFormatter(options: { production: boolean; onInternalError?: (error: unknown) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const errors = original.extensions.validationErrors;
      // Mutations take their fields in one `input` argument (SCHEMA.md), so the path starts there.
      const inInput = errors[0]?.target?.constructor?.name.endsWith('Input') ?? false;
      const { path: field, constraint } = firstViolation(errors, inInput ? ['input'] : []);
      return {
        message: constraint ? `Invalid input: ${constraint}.` : 'Invalid input.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, field },
      };
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
