import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { ShopConnection } from './shop-connection.entity.js';

/**
 * A producer's shop connections, by marketplace: one query per request for every producer asked
 * about (a product list's listings each ask for their producer's).
 */
export function shopConnectionsOf(context: SubgraphContext, producerId: string): Promise<ShopConnection[]> {
  return requestLoader<string, ShopConnection[]>(context, 'shopConnectionsByProducer', async (ids) =>
    groupByKey(ids, await context.em.find(ShopConnection, { producerId: { $in: [...ids] } }, { orderBy: { producerId: 'asc', marketplace: 'asc' } }), (c) => c.producerId),
  ).load(producerId);
}
