import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { PageArgs, type Connection } from '../../../core/graphql/connection.js';
import { toListingNode } from '../listings/listing-mapper.js';
import { ListingNode } from '../listings/listing.type.js';
import { producerLoader } from './catalogue.store.js';
import { catalogueRows } from './catalogue-rows.query.js';
import { readProducerField } from './producer-access.query.js';
import { toProducerNode, toProductNode } from './catalogue-mappers.js';
import { Producer } from './producer.entity.js';
import { ProducerConnection, ProducerContact, ProducerNode } from './producer.type.js';
import { findProducers, findProducts, findVisibleProduct, productListings } from './product.query.js';
import { ProductConnection, ProductNode } from './product.type.js';

function mapConnection<A, B>(connection: Connection<A>, map: (a: A) => B): Connection<B> {
  return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: map(e.node) })) };
}

@Resolver(() => ProductNode)
export class ProductResolver {
  @Query(() => ProductConnection, {
    description:
      'Products, ordered by name. Anonymous callers see products published on at least one marketplace; a producer\'s members also see its unpublished ones. ' +
      '`search` ignores diacritics and case ("bi xanh" finds "Bí xanh").',
  })
  async products(
    @Arg('search', () => String, { nullable: true, description: 'Part of the name; diacritics and case are ignored.' }) search: string | undefined,
    @Arg('communeCode', () => String, { nullable: true, description: 'GSO code (5 digits) of the producer\'s commune; matches every unit that bore the code.' }) communeCode: string | undefined,
    @Arg('category', () => String, { nullable: true, description: 'Hub category: vegetables, leafy vegetables, tubers, fruit, eggs, tea, rice, honey, dried goods, meat.' }) category: string | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<ProductNode>> {
    return mapConnection(await findProducts(context.em, await catalogueRows(context, 'Query.products'), { search, communeCode, category }, page), toProductNode);
  }

  @Query(() => ProductNode, { nullable: true, description: 'One product by id; null when it does not exist or is not visible to the caller.' })
  async product(@Arg('id', () => ID, { description: 'Product.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<ProductNode | null> {
    const product = await findVisibleProduct(context.em, () => catalogueRows(context, 'Query.product'), id);
    return product ? toProductNode(product) : null;
  }

  @FieldResolver(() => ProducerNode, { nullable: true, description: 'The producer selling the product.' })
  async producer(@Root() product: ProductNode, @Ctx() context: SubgraphContext): Promise<ProducerNode | null> {
    const producer = await producerLoader(context).load(product.producerId);
    return producer ? toProducerNode(producer) : null;
  }

  @FieldResolver(() => [ListingNode], {
    description: 'The product\'s listings, one per marketplace. Callers who are not the producer\'s members see only live ones (PUBLISHED or DRIFTED).',
  })
  async listings(@Root() product: ProductNode, @Ctx() context: SubgraphContext): Promise<ListingNode[]> {
    return (await productListings(context, product)).map((listing) => toListingNode(listing, product));
  }
}

@Resolver(() => ProducerNode)
export class ProducerResolver {
  @Query(() => ProducerConnection, { description: 'Producers (households and cooperatives), ordered by name.' })
  async producers(
    @Arg('communeCode', () => String, { nullable: true, description: 'GSO code (5 digits) of the producer\'s commune.' }) communeCode: string | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<ProducerNode>> {
    return mapConnection(await findProducers(context.em, { communeCode }, page), toProducerNode);
  }

  @Query(() => ProducerNode, { nullable: true, description: 'One producer by id; null when unknown.' })
  async producer(@Arg('id', () => ID, { description: 'Producer.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<ProducerNode | null> {
    const producer = await producerLoader(context).load(id);
    return producer ? toProducerNode(producer) : null;
  }

  @FieldResolver(() => ProducerContact, {
    nullable: true,
    description: 'Contact of the producer: personal data, readable only by its members and admins (null for others); each read is audited.',
  })
  async contact(@Root() node: ProducerNode, @Ctx() context: SubgraphContext): Promise<ProducerContact | null> {
    const producer: Producer | null = await producerLoader(context).load(node.id);
    if (!producer) return null;
    if (!(await readProducerField(context, 'Producer.contact', producer))) return null;
    context.logger.info({ audit: 'producer.contact.read', subject: context.viewer?.subject, producerId: node.id }, 'sensitive read');
    return Object.assign(new ProducerContact(), { name: producer.contactName ?? null, phone: producer.contactPhone ?? null });
  }

  @FieldResolver(() => ProductConnection, { description: 'The producer\'s products visible to the caller, ordered by name.' })
  async products(@Root() node: ProducerNode, @Args(() => PageArgs) page: PageArgs, @Ctx() context: SubgraphContext): Promise<Connection<ProductNode>> {
    return mapConnection(await findProducts(context.em, await catalogueRows(context, 'Producer.products'), { producerId: node.id }, page), toProductNode);
  }
}
