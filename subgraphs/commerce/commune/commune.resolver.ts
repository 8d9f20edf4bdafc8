import { CACHE_SECONDS, cacheFor } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { PageArgs, type Connection } from '../../../core/graphql/connection.js';
import { toProducerNode, toProductNode } from '../catalogue/catalogue-mappers.js';
import { Commune, communeScope, REQUIRES_LINEAGE } from './commune.reference.js';
import { ProducerConnection, type ProducerNode } from '../catalogue/producer.type.js';
import { catalogueRows } from '../catalogue/catalogue-rows.query.js';
import { findProducers, findProducts } from '../catalogue/product.query.js';
import { ProductConnection, type ProductNode } from '../catalogue/product.type.js';

/** Commerce's fields on the governance Commune; nullable so that a commerce outage nulls only these. */
@Resolver(() => Commune)
export class CommuneCommerceResolver {
  @FieldResolver(() => ProducerConnection, {
    nullable: true,
    description: 'Producers (households and cooperatives) registered in this commune or in a unit merged into it, ordered by name.',
  })
  @Directive(REQUIRES_LINEAGE)
  async producers(@Root() commune: Commune, @Args(() => PageArgs) page: PageArgs, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<Connection<ProducerNode>> {
    cacheFor(info, CACHE_SECONDS.current);
    const found = await findProducers(context.em, { communeIds: communeScope(commune) }, page);
    return { ...found, edges: found.edges.map((e) => ({ cursor: e.cursor, node: toProducerNode(e.node) })) };
  }

  @FieldResolver(() => ProductConnection, {
    nullable: true,
    description: 'Products of the producers of this commune (and of the units merged into it) visible to the caller (see Query.products), ordered by name.',
  })
  @Directive(REQUIRES_LINEAGE)
  async products(
    @Root() commune: Commune,
    @Arg('search', () => String, { nullable: true, description: 'Part of the name; diacritics and case are ignored.' }) search: string | undefined,
    @Arg('category', () => String, { nullable: true, description: 'Hub category.' }) category: string | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<ProductNode>> {
    const found = await findProducts(context.em, await catalogueRows(context, 'Commune.products'), { communeIds: communeScope(commune), search, category }, page);
    return { ...found, edges: found.edges.map((e) => ({ cursor: e.cursor, node: toProductNode(e.node) })) };
  }
}
