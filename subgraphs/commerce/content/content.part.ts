import type { SubgraphPart } from '../../../core/subgraph.js';
import { ProductImage } from './product-image.entity.js';
import { ProductImageResolver } from './product-image.resolver.js';
import { productImageRoutes } from './product-image.route.js';

/** What marketplaces need beyond the catalogue row: product images stored by the hub (uploaded to each marketplace's media service by the sync engine). */
export const contentPart: SubgraphPart = {
  entities: [ProductImage],
  resolvers: [ProductImageResolver],
  routes: productImageRoutes,
};
