import type { SubgraphPart } from '../../../core/subgraph.js';
import { ProductImageResolver } from './product-image.resolver.js';
import { productImageRoutes } from './product-image.route.js';

/**
 * What marketplaces need beyond the catalogue row: product images stored by the hub, uploaded to each
 * marketplace's media service by the sync engine. The ProductImage table is the catalogue part's
 * (the engine reads it wherever the worker runs); this part gives its upload route and fields.
 */
export const contentPart: SubgraphPart = {
  resolvers: [ProductImageResolver],
  routes: productImageRoutes,
};
