import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { ListingNode } from '../listings/listing.type.js';
import { latestListingDrift } from './listing-drift.query.js';
import { ListingDriftNode } from './listing-drift.type.js';

@Resolver(() => ListingNode)
export class ListingDriftResolver {
  @FieldResolver(() => [ListingDriftNode], {
    description:
      'What differed at the marketplace the last time the drift audit found a difference (empty: never), with how each was settled. ' +
      'While the hub writes its version back the listing shows DRIFTED.',
  })
  async drift(@Root() listing: ListingNode, @Ctx() context: SubgraphContext): Promise<ListingDriftNode[]> {
    return latestListingDrift(context, listing.id);
  }
}
