import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { listAllRefusedReads, listRefusedReads } from '../../shared/refused-reads.query.js';
import { hubLogDescription, RefusedReadLogArgs, refusedReadTypes, type RefusedReadView } from '../../shared/refused-read.type.js';
import { Commune, communeScope, REQUIRES_LINEAGE } from './commune.reference.js';

const { RefusedReadConnection: CommerceRefusedReadConnection } = refusedReadTypes('CommerceRefusedRead', 'commerce: producers\' contact and people, orders, shops, listings');

@Resolver(() => Commune)
export class CommuneRefusedCommerceReadsResolver {
  @FieldResolver(() => CommerceRefusedReadConnection, {
    nullable: true,
    description:
      'Refused reads of the restricted commerce data of this commune\'s producers (contact, members, shops, orders, listings\' errors), newest first: ' +
      'who tried, with which roles, which field and target, when, under which request. The commune\'s chairperson (or of the unit it merged into) and admins only.',
  })
  @Directive(REQUIRES_LINEAGE)
  async refusedCommerceReads(@Root() commune: Commune, @Args(() => PageArgs) page: PageArgs, @Ctx() context: SubgraphContext): Promise<Connection<RefusedReadView>> {
    return listRefusedReads(context, 'Commune.refusedCommerceReads', commune.id, communeScope(commune), page);
  }
}

@Resolver()
export class RefusedCommerceReadsResolver {
  @Query(() => CommerceRefusedReadConnection, { description: hubLogDescription('restricted commerce data (producers\' contact and people, shops, orders, listings\' errors, reconciliation)') })
  async refusedCommerceReads(@Args(() => RefusedReadLogArgs) args: RefusedReadLogArgs, @Ctx() context: SubgraphContext): Promise<Connection<RefusedReadView>> {
    return listAllRefusedReads(context, 'Query.refusedCommerceReads', args);
  }
}
