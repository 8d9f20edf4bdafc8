import { entityByIdLoader, groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { Listing } from '../listings/listing.entity.js';
import { Producer } from './producer.entity.js';

export function producerLoader(context: SubgraphContext) {
  return entityByIdLoader(context, 'producerById', Producer);
}

export function listingsByProductLoader(context: SubgraphContext) {
  return requestLoader<string, Listing[]>(context, 'listingsByProduct', async (ids) => {
    const rows = await context.em.find(Listing, { productId: { $in: [...ids] } }, { orderBy: { marketplace: 'asc' } });
    return groupByKey(ids, rows, (r) => r.productId);
  });
}
