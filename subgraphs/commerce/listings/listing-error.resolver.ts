import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { producerLoader } from '../catalogue/catalogue.store.js';
import { readProducerField } from '../catalogue/producer-access.query.js';
import { ListingNode } from './listing.type.js';

@Resolver(() => ListingNode)
export class ListingErrorResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The last sync error, set from the first failed call (cleared by a success); shown only to the producer\'s members and admins.',
  })
  async lastError(@Root() listing: ListingNode, @Ctx() context: SubgraphContext): Promise<string | null> {
    // Nothing to hide: no need to read the caller's membership.
    if (listing.syncError === null) return null;
    const producer = await producerLoader(context).load(listing.producerId);
    // The producer's members by commerce's records (ACCESS_RULES): no producer row, no member.
    if (!producer || !(await readProducerField(context, 'Listing.lastError', producer))) return null;
    return listing.syncError;
  }
}
