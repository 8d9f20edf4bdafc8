import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { ListingNode } from '../listings/listing.type.js';
import { ListingDrift } from './listing-drift.entity.js';
import { ListingDriftNode } from './listing-drift.type.js';

/** The latest audit finding of each listing, batched per request. */
function latestDriftLoader(context: SubgraphContext) {
  return requestLoader<string, ListingDrift[]>(context, 'listing-drift', async (ids) => {
    const rows = await context.em.find(ListingDrift, { listingId: { $in: [...ids] } }, { orderBy: { listingId: 'asc', detectedAt: 'desc', id: 'asc' } });
    return groupByKey(ids, rows, (r) => r.listingId).map((group) => group.filter((r) => r.detectedAt.getTime() === group[0]?.detectedAt.getTime()));
  });
}

@Resolver(() => ListingNode)
export class ListingDriftResolver {
  @FieldResolver(() => [ListingDriftNode], {
    description:
      'What differed at the marketplace the last time the drift audit found a difference (empty: never), with how each was settled. ' +
      'While the hub writes its version back the listing shows DRIFTED.',
  })
  async drift(@Root() listing: ListingNode, @Ctx() context: SubgraphContext): Promise<ListingDriftNode[]> {
    const rows = await latestDriftLoader(context).load(listing.id);
    return rows.map((r) =>
      Object.assign(new ListingDriftNode(), {
        field: r.field,
        hubValue: r.hubValue,
        marketplaceValue: r.marketplaceValue,
        detectedAt: r.detectedAt,
        resolution: r.resolution ?? null,
        resolvedAt: r.resolvedAt ?? null,
      }),
    );
  }
}
