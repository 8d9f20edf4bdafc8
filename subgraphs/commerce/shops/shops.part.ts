import type { SubgraphPart } from '../../../core/subgraph.js';
import { ProducerMutationResolver } from '../catalogue/producer-mutations.resolver.js';
import { shopCallbackRoutes } from './shop-callback.route.js';
import { ListingShopResolver, ProducerShopResolver } from './shop.resolver.js';

/**
 * Producer onboarding and each producer's own marketplace shops: the producer mutations, the shop
 * connections (authorise, callback, tokens sealed and refreshed) the sync engine writes through.
 */
export const shopsPart: SubgraphPart = {
  resolvers: [ProducerMutationResolver, ProducerShopResolver, ListingShopResolver],
  routes: shopCallbackRoutes,
};
