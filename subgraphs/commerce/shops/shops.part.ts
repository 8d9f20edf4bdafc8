import type { SubgraphPart } from '../../../core/subgraph.js';
import { ProducerMember } from '../catalogue/producer-member.entity.js';
import { ProducerMutationResolver } from '../catalogue/producer-mutations.resolver.js';
import { shopCallbackRoutes } from './shop-callback.route.js';
import { ShopConnection } from './shop-connection.entity.js';
import { ListingShopResolver, ProducerShopResolver } from './shop.resolver.js';
import { shopSettings } from './shop-settings.js';

/**
 * Producer onboarding and each producer's own marketplace shops: the producer mutations, the shop
 * connections (authorise, callback, tokens sealed and refreshed) the sync engine writes through.
 */
export const shopsPart: SubgraphPart = {
  settings: [shopSettings],
  entities: [ShopConnection, ProducerMember],
  resolvers: [ProducerMutationResolver, ProducerShopResolver, ListingShopResolver],
  routes: shopCallbackRoutes,
};
