import type { ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { GatewayContext } from './context.js';

/**
 * Whole answers that every subgraph marked public and cacheable (their `Cache-Control`, from the
 * cache hints of core/graphql/cache-hints.ts, which @apollo/gateway combines: the shortest max-age,
 * private if any part is) are kept for their max-age in an LRU cache of at most `cacheMb`, and
 * reused for the same document, operation name and variables, whoever asks.
 *
 * Never per viewer: there is no session id, so a PRIVATE answer (one for which a subgraph read a
 * signed-in viewer) is neither stored nor read, and an answer with an error is never stored.
 * Anonymous and signed-in requests are keyed apart: an anonymous answer may have checked that there
 * is no viewer (public posts only, no drafts), which is the same for every anonymous caller but not
 * what an officer should get; a signed-in request shares only PUBLIC entries of signed-in requests,
 * which by construction did not depend on who asked.
 *
 * A mutation through this gateway makes every stored answer unreachable (a new generation in the
 * key; the LRU drops the old ones), so an officer sees the change at once; changes that arrive
 * another way (imports, another gateway replica) show once the max-age passes.
 */
export function responseCache(options: { cacheMb: number }): ApolloServerPlugin<GatewayContext>[] {
  if (options.cacheMb <= 0) return [];
  const cache = new InMemoryLRUCache<string>({ maxSize: Math.round(options.cacheMb * 1024 * 1024) });
  let generation = 0;
  const invalidation: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          // After the mutation's writes: an answer that began before this point is stored under the old generation.
          if (operation?.operation === 'mutation') generation += 1;
        },
      };
    },
  };
  return [
    responseCachePlugin<GatewayContext>({
      cache,
      sessionId: async () => null,
      extraCacheKeyData: async ({ contextValue }) => [generation, contextValue.viewer ? 'signed-in' : 'anonymous'],
    }),
    invalidation,
  ];
}
