import { invalidInput } from '../../../core/domain-errors.js';
import { pageWindow, toConnection, type Connection, type PageArgs } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { readAccess } from '../../shared/access-guard.js';
import { producerLoader } from '../catalogue/catalogue.store.js';
import { producerMemberCheck } from '../catalogue/producer-access.query.js';
import { Product } from '../catalogue/product.entity.js';
import { MarketplaceOrderLine } from './order-line.entity.js';
import { MarketplaceOrder } from './order.entity.js';
import { OrderLineNode, OrderNode } from './order.type.js';

/**
 * A page of the orders with lines of a producer's products, newest first, each with only that
 * producer's lines (buyers masked as stored). The producer's members and admins only (ACCESS_RULES
 * Query.orders); each read is audited.
 */
export async function listProducerOrders(context: SubgraphContext, producerId: string, page: PageArgs): Promise<Connection<OrderNode>> {
  // The producer's commune is looked up only for a refusal's log row (listed under that commune).
  const communeId = async () => (await producerLoader(context).load(producerId))?.communeId ?? null;
  await readAccess(context, 'Query.orders', { producerId, producerMember: producerMemberCheck(context, producerId) }, { target: producerId.slice(0, 200), communeId });
  const { limit, after } = pageWindow(page);
  const em = context.em;
  const productIds = (await em.find(Product, { producerId }, { fields: ['id'] })).map((p) => p.id);
  if (!productIds.length) return toConnection([], limit, 0, () => []);
  const orderIds = [...new Set((await em.find(MarketplaceOrderLine, { productId: { $in: productIds } }, { fields: ['orderId'] })).map((l) => l.orderId))];
  const where = { id: { $in: orderIds } };
  const keyset = after
    ? (() => {
        const [placedAt, id] = after;
        if (typeof placedAt !== 'number' || typeof id !== 'string') throw invalidInput('The cursor is not one this list returned: pass a pageInfo.endCursor unchanged.', 'after');
        return [{ $or: [{ placedAt: { $lt: new Date(placedAt) } }, { placedAt: new Date(placedAt), id: { $lt: id } }] }];
      })()
    : [];
  const [orders, total] = await Promise.all([
    em.find(MarketplaceOrder, { $and: [where, ...keyset] }, { orderBy: [{ placedAt: 'desc' }, { id: 'desc' }], limit: limit + 1 }),
    em.count(MarketplaceOrder, where),
  ]);
  const lines = await em.find(MarketplaceOrderLine, { orderId: { $in: orders.map((o) => o.id) }, productId: { $in: productIds } }, { orderBy: { lineNo: 'asc' } });
  context.logger.info({ audit: 'orders.read', subject: context.viewer?.subject, producerId, count: Math.min(orders.length, limit) }, 'sensitive read');
  const nodes = orders.map((o) =>
    Object.assign(new OrderNode(), {
      id: o.id,
      marketplace: o.marketplace,
      externalOrderId: o.externalOrderId,
      status: o.status,
      totalVnd: o.totalVnd,
      shippingFeeVnd: o.shippingFeeVnd,
      buyerName: o.buyerNameMasked,
      buyerPhone: o.buyerPhoneMasked,
      placedAt: o.placedAt,
      updatedAt: o.remoteUpdatedAt,
      lines: lines
        .filter((l) => l.orderId === o.id)
        .map((l) => Object.assign(new OrderLineNode(), { sellerSku: l.sellerSku, productId: l.productId ?? null, quantity: l.quantity, unitPriceVnd: l.unitPriceVnd })),
    }),
  );
  return toConnection(nodes, limit, total, (o) => [o.placedAt.getTime(), o.id]);
}
