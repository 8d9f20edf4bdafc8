import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { producerLoader } from '../catalogue/catalogue.store.js';
import { readProducerField } from '../catalogue/producer-access.query.js';
import { ProducerNode } from '../catalogue/producer.type.js';
import { ListingNode } from '../listings/listing.type.js';
import { toShopConnectionNode } from './shop-connection-mapper.js';
import { connectShopById, startShopAuthorization } from './shop-connection.command.js';
import { ConnectShopInput, StartShopAuthorizationInput } from './shop-connection.inputs.js';
import { ShopAuthorizationPayload, ShopConnectionNode } from './shop-connection.type.js';
import { shopConnectionsOf } from './shop-connection.query.js';
import { shopRuntimeOf } from './shop-runtime.js';

@Resolver(() => ProducerNode)
export class ProducerShopResolver {
  @Mutation(() => ShopAuthorizationPayload, {
    description: 'Starts authorising the hub for a producer\'s own shop (OAuth2 authorization code): send the seller to `authorizeUrl`; the marketplace sends them back to the hub, which completes the connection.',
  })
  async startShopAuthorization(
    @Arg('input', () => StartShopAuthorizationInput, { description: 'The producer and marketplace.' }) input: StartShopAuthorizationInput,
    @Ctx() context: SubgraphContext,
  ): Promise<ShopAuthorizationPayload> {
    const started = await startShopAuthorization(context.em, context.viewer, shopRuntimeOf(context.em), input.producerId, input.marketplace);
    context.logger.info({ audit: 'shop.authorization.start', subject: context.viewer?.subject, producerId: input.producerId, marketplace: input.marketplace }, 'shop authorisation started');
    return Object.assign(new ShopAuthorizationPayload(), { authorizeUrl: started.authorizeUrl, expiresAt: started.expiresAt, connection: toShopConnectionNode(started.connection) });
  }

  @Mutation(() => ShopConnectionNode, { description: 'Connects a producer\'s own shop at a marketplace that authorises by shop id; the hub checks the authorisation with one read first (BAD_USER_INPUT when refused).' })
  async connectShop(@Arg('input', () => ConnectShopInput, { description: 'The producer, marketplace and shop id.' }) input: ConnectShopInput, @Ctx() context: SubgraphContext): Promise<ShopConnectionNode> {
    const connection = await connectShopById(context.em, context.viewer, shopRuntimeOf(context.em), input.producerId, input.marketplace, input.shopId);
    context.logger.info({ audit: 'shop.connect', subject: context.viewer?.subject, producerId: input.producerId, marketplace: input.marketplace }, 'shop connected');
    return toShopConnectionNode(connection);
  }

  @FieldResolver(() => [ShopConnectionNode], {
    nullable: true,
    description: 'The producer\'s own shops and where their authorisation stands (REVOKED and EXPIRED need a new authorisation); its members, the cooperative managers of its commune and admins read it, null for others.',
  })
  async shopConnections(@Root() node: ProducerNode, @Ctx() context: SubgraphContext): Promise<ShopConnectionNode[] | null> {
    const producer = await producerLoader(context).load(node.id);
    if (!producer) return null;
    if (!(await readProducerField(context, 'Producer.shopConnections', producer))) return null;
    const now = Date.now();
    return (await shopConnectionsOf(context, node.id)).map((row) => toShopConnectionNode(row, now));
  }
}

@Resolver(() => ListingNode)
export class ListingShopResolver {
  @FieldResolver(() => ShopConnectionNode, {
    nullable: true,
    description: 'The producer\'s shop this listing is written to, with where its authorisation stands; null when the producer has none there (the marketplace-wide fallback) or for callers who are not its members.',
  })
  async shopConnection(@Root() listing: ListingNode, @Ctx() context: SubgraphContext): Promise<ShopConnectionNode | null> {
    const producer = await producerLoader(context).load(listing.producerId);
    // The producer's members by commerce's records (ACCESS_RULES): no producer row, no member.
    if (!producer || !(await readProducerField(context, 'Listing.shopConnection', producer))) return null;
    const row = (await shopConnectionsOf(context, listing.producerId)).find((c) => c.marketplace === listing.marketplace);
    return row ? toShopConnectionNode(row) : null;
  }
}
