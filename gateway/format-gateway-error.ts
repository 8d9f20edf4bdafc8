import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../core/errors.js';
import { createErrorFormatter } from '../core/graphql/format-error.js';

/**
 * Errors a subgraph returned pass through with their code. A subgraph that could not be reached
 * (refused, timed out, answered garbage) becomes SUBGRAPH_UNAVAILABLE naming the subgraph, while the
 * rest of the answer still arrives: its fields are null, everything else is there.
 */
export function createGatewayErrorFormatter(production: boolean, onInternalError: (error: unknown) => void) {
  const base = createErrorFormatter({ production, onInternalError });
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions = formatted.extensions ?? {};
    const serviceName = typeof extensions.serviceName === 'string' ? extensions.serviceName : undefined;
    if (serviceName && !isSubgraphGraphQLError(extensions)) {
      return {
        message: `The ${serviceName} subgraph is unavailable, so its fields in this answer are null. Retry shortly; the rest of the answer is complete.`,
        path: formatted.path,
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName },
      };
    }
    return base(formatted, error);
  };
}

/** A subgraph's own GraphQL error (it answered) carries one of our public codes; a fetch failure does not. */
function isSubgraphGraphQLError(extensions: Record<string, unknown>): boolean {
  const code = extensions.code;
  return typeof code === 'string' && code in ErrorCode && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}
