import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { listAllRefusedReads, listRefusedReads } from '../../shared/refused-reads.query.js';
import { hubLogDescription, RefusedReadLogArgs, refusedReadTypes, type RefusedReadView } from '../../shared/refused-read.type.js';
import { unitLineage } from '../../shared/unit-lineage.js';
import { Commune } from '../units/commune.type.js';

const { RefusedReadConnection: RecordRefusedReadConnection } = refusedReadTypes('RecordRefusedRead', 'governance: dossiers, documents, portal drafts, information alerts');

@Resolver(() => Commune)
export class CommuneRefusedRecordReadsResolver {
  @FieldResolver(() => RecordRefusedReadConnection, {
    nullable: true,
    description:
      'Refused reads of this commune\'s restricted records (dossiers, their applicants and history, documents, portal drafts and their editors, information alerts), newest first: who tried, with which roles, which field and ' +
      'target, when, under which request. The commune\'s chairperson (or of the unit it merged into) and admins only.',
  })
  async refusedRecordReads(@Root() commune: Commune, @Args(() => PageArgs) page: PageArgs, @Ctx() context: SubgraphContext): Promise<Connection<RefusedReadView>> {
    // The same lineage as every other subgraph's log, from the shipped registry copy.
    return listRefusedReads(context, 'Commune.refusedRecordReads', commune.id, unitLineage().lineageOf(commune.id), page);
  }
}

@Resolver()
export class RefusedRecordReadsResolver {
  @Query(() => RecordRefusedReadConnection, { description: hubLogDescription('restricted governance records (dossiers, their applicants and history, documents, portal drafts and their editors, information alerts)') })
  async refusedRecordReads(@Args(() => RefusedReadLogArgs) args: RefusedReadLogArgs, @Ctx() context: SubgraphContext): Promise<Connection<RefusedReadView>> {
    return listAllRefusedReads(context, 'Query.refusedRecordReads', args);
  }
}
