import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../errors.js';

/**
 * An internal error tells the client only that it happened and under which request id the hub
 * logged it (what an operator needs to find it): no message from the database, no SQL, no values.
 */
export function internalErrorIdPlugin<TContext extends { requestId: string }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors?.some((e) => e.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR)) return;
          response.body.singleResult.errors = errors.map((error) =>
            error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR
              ? { message: `Internal server error: the hub logged the details under request id ${contextValue.requestId}.`, path: error.path, extensions: { ...error.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: contextValue.requestId } }
              : error,
          );
        },
      };
    },
  };
}
