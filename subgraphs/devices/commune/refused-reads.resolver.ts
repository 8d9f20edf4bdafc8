import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { listAllRefusedReads, listRefusedReads } from '../../shared/refused-reads.query.js';
import { hubLogDescription, RefusedReadLogArgs, refusedReadTypes, type RefusedReadView } from '../../shared/refused-read.type.js';
import { Commune, communeScope, REQUIRES_LINEAGE } from './commune.reference.js';

const { RefusedReadConnection: DeviceRefusedReadConnection } = refusedReadTypes('DeviceRefusedRead', 'devices: camera stream URLs, meeting recordings');

@Resolver(() => Commune)
export class CommuneRefusedDeviceReadsResolver {
  @FieldResolver(() => DeviceRefusedReadConnection, {
    nullable: true,
    description:
      'Refused reads of this commune\'s restricted device data (camera stream URLs, meeting recording links), newest first: who tried, with which roles, ' +
      'which field and target, when, under which request. The commune\'s chairperson (or of the unit it merged into) and admins only.',
  })
  @Directive(REQUIRES_LINEAGE)
  async refusedDeviceReads(@Root() commune: Commune, @Args(() => PageArgs) page: PageArgs, @Ctx() context: SubgraphContext): Promise<Connection<RefusedReadView>> {
    return listRefusedReads(context, 'Commune.refusedDeviceReads', commune.id, communeScope(commune), page);
  }
}

@Resolver()
export class RefusedDeviceReadsResolver {
  @Query(() => DeviceRefusedReadConnection, { description: hubLogDescription('restricted device data (camera stream URLs, meeting recording links)') })
  async refusedDeviceReads(@Args(() => RefusedReadLogArgs) args: RefusedReadLogArgs, @Ctx() context: SubgraphContext): Promise<Connection<RefusedReadView>> {
    return listAllRefusedReads(context, 'Query.refusedDeviceReads', args);
  }
}
