import { GraphQLError } from 'graphql';
import { ErrorCode, PUBLIC_ERROR_CODES } from '../core/errors.js';

/** The code a subgraph's HTTP status means when its body names none. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  413: ErrorCode.OPERATION_LIMIT_EXCEEDED,
  429: ErrorCode.RATE_LIMITED,
};

/** Extensions of a subgraph error that mean something to the client; the rest stays behind. */
const KEPT_EXTENSIONS = ['field', 'limit', 'maximum', 'actual', 'retryAfterSeconds'] as const;

interface SubgraphErrorBody {
  errors?: { message?: unknown; extensions?: Record<string, unknown> }[];
}

/**
 * A subgraph that answers 4xx refused the request: bad variables, a value its scalar rejects, a
 * limit. That is the caller's mistake, so it keeps its meaning at the gateway: the subgraph's
 * message and public code (BAD_USER_INPUT unless the status or the body says otherwise), naming
 * the subgraph, instead of a generic "400: Bad Request" filed as an internal error.
 */
export function subgraphRefusal(serviceName: string, status: number, body: unknown): GraphQLError {
  const errors = (body as SubgraphErrorBody | undefined)?.errors ?? [];
  const first = errors[0];
  const givenCode = first?.extensions?.code;
  const code =
    typeof givenCode === 'string' && PUBLIC_ERROR_CODES.has(givenCode) && givenCode !== ErrorCode.INTERNAL_SERVER_ERROR
      ? givenCode
      : (CODE_BY_STATUS[status] ?? ErrorCode.BAD_USER_INPUT);
  const message = typeof first?.message === 'string' && first.message ? first.message : `The ${serviceName} subgraph refused the request (HTTP ${status}).`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''} of the same request)` : '';
  const kept = Object.fromEntries(KEPT_EXTENSIONS.flatMap((key) => (first?.extensions?.[key] !== undefined ? [[key, first.extensions[key]]] : [])));
  return new GraphQLError(`${message}${more}`, { extensions: { ...kept, code, serviceName } });
}
