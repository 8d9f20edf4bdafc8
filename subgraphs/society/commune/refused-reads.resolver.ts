import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { listAllRefusedReads } from '../../shared/refused-reads.query.js';
import { hubLogDescription, RefusedReadLogArgs, type RefusedReadView } from '../../shared/refused-read.type.js';
import { RefusedReadConnection } from '../common/refused-read.type.js';

/** Society's whole refused-read log, for admins (a commune's part is Commune.refusedReads, in health/). */
@Resolver()
export class RefusedReadsResolver {
  @Query(() => RefusedReadConnection, {
    description: hubLogDescription('restricted society data (health records and their read log, consultations, reporters\' contact, announcement drafts, subscribers and deliveries, postal dossiers)'),
  })
  async refusedReads(@Args(() => RefusedReadLogArgs) args: RefusedReadLogArgs, @Ctx() context: SubgraphContext): Promise<Connection<RefusedReadView>> {
    return listAllRefusedReads(context, 'Query.refusedReads', args);
  }
}
