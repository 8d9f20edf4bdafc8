import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { PageArgs, type Connection } from '../../../core/graphql/connection.js';
import { listProducerOrders } from './order.query.js';
import { OrderConnection, OrderNode } from './order.type.js';

@Resolver(() => OrderNode)
export class OrderResolver {
  @Query(() => OrderConnection, {
    description: 'Orders with lines of a producer\'s products, newest first. Only the producer\'s members and admins; each read is audited.',
  })
  async orders(
    @Arg('producerId', () => ID, { description: 'The producer.' }) producerId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<OrderNode>> {
    return listProducerOrders(context, producerId, page);
  }
}
