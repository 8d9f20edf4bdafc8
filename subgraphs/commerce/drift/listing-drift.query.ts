import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { ListingDrift } from './listing-drift.entity.js';
import { ListingDriftNode } from './listing-drift.type.js';

/** The latest audit finding of each listing (every field found at that instant), batched per request. */
function latestDriftLoader(context: SubgraphContext) {
  return requestLoader<string, ListingDrift[]>(context, 'listing-drift', async (ids) => {
    const rows = await context.em.find(ListingDrift, { listingId: { $in: [...ids] } }, { orderBy: { listingId: 'asc', detectedAt: 'desc', id: 'asc' } });
    return groupByKey(ids, rows, (r) => r.listingId).map((group) => group.filter((r) => r.detectedAt.getTime() === group[0]?.detectedAt.getTime()));
  });
}

/** What differed at the marketplace the last time the audit found a difference for the listing, with how each was settled; empty when never. */
export async function latestListingDrift(context: SubgraphContext, listingId: string): Promise<ListingDriftNode[]> {
  const rows = await latestDriftLoader(context).load(listingId);
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
