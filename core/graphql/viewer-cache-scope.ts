import type { ApolloServerPlugin } from '@apollo/server';
import type { SubgraphContext } from './context.js';

/**
 * An answer that depended on who asked must never be shared between callers. Rather than trust
 * every resolver to say so, reading a signed-in `context.viewer` while the operation executes makes
 * the whole answer PRIVATE (`Cache-Control: private`, which the gateway's response cache never
 * stores). Finding no viewer keeps the answer public: it is the answer every anonymous caller gets,
 * and the gateway keys anonymous and signed-in answers apart (gateway/response-cache.ts), so an
 * officer is never served what an anonymous caller saw. Reads before execution (the cost limit for
 * anonymous callers) only decide whether the operation runs.
 */
export function viewerCacheScopePlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue, overallCachePolicy }) {
          const viewer = contextValue.viewer;
          Object.defineProperty(contextValue, 'viewer', {
            configurable: true,
            enumerable: true,
            get() {
              if (viewer) overallCachePolicy.restrict({ scope: 'PRIVATE' });
              return viewer;
            },
          });
        },
      };
    },
  };
}
