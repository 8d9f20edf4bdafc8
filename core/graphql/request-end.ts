import type { ApolloServerPlugin } from '@apollo/server';
import type { SubgraphContext } from './context.js';

/**
 * Defers `task` to the end of the request, once per `key`: the first call of a key registers it, later
 * ones join it (the task reads what they added to shared state). Returns false outside a /graphql
 * request (no end to defer to): the caller then does the work itself.
 */
export function atRequestEnd(context: SubgraphContext, key: string, task: () => Promise<void>): boolean {
  const tasks = context.atEnd;
  if (!tasks) return false;
  if (!tasks.has(key)) tasks.set(key, task);
  return true;
}

/**
 * Runs the work resolvers deferred to the end of the request (`atRequestEnd`) after execution and
 * before the answer is sent, so that what it writes is there when the caller has the answer. A
 * failure is logged under the request id; the answer is already made and stays as it is.
 */
export function requestEndPlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          const tasks = contextValue.atEnd;
          if (!tasks?.size) return;
          const pending = [...tasks.values()];
          tasks.clear();
          for (const task of pending) {
            try {
              await task();
            } catch (error) {
              contextValue.logger.error({ err: error }, 'work deferred to the end of the request failed');
            }
          }
        },
      };
    },
  };
}
