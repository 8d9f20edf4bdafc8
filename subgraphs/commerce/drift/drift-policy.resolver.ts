import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { toProductNode } from '../catalogue/catalogue-mappers.js';
import { toListingNode } from '../listings/listing-mapper.js';
import { ListingNode } from '../listings/listing.type.js';
import { DriftPolicy } from './drift-kinds.js';
import { setListingDriftPolicy } from './drift-policy.command.js';
import { SetListingDriftPolicyInput, SetListingDriftPolicyPayload } from './drift-policy.inputs.js';
import { driftPolicyOfSetting } from './drift.rules.js';
import { driftSettings, marketplaceDriftPolicy } from './drift-settings.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import './drift-kinds.type.js';

@Resolver(() => ListingNode)
export class ListingDriftPolicyResolver {
  @FieldResolver(() => DriftPolicy, { description: 'The drift policy in force for this listing: its own setting, else its marketplace\'s.' })
  driftPolicy(@Root() listing: ListingNode, @Ctx() context: SubgraphContext): DriftPolicy {
    return driftPolicyOfSetting(listing.driftPolicySetting) ?? marketplaceDriftPolicy(context.config.get(driftSettings), listing.marketplace);
  }

  @Mutation(() => SetListingDriftPolicyPayload, {
    description:
      'Sets which version wins when this listing drifts at its marketplace (REASSERT, ADOPT, or INHERIT the marketplace\'s), from the next audit on. ' +
      'The producer\'s members, the cooperative managers of its commune and admins.',
  })
  async setListingDriftPolicy(
    @Arg('input', () => SetListingDriftPolicyInput, { description: 'The listing and its policy.' }) input: SetListingDriftPolicyInput,
    @Ctx() context: SubgraphContext,
  ): Promise<SetListingDriftPolicyPayload> {
    const { product, listing } = await setListingDriftPolicy(context.em, context.viewer, input);
    context.logger.info({ audit: 'listing.drift-policy.set', subject: context.viewer?.subject, listingId: listing.id, policy: input.policy }, 'listing drift policy set');
    // A cooperative manager may set the policy without being a member: Listing.lastError's rule keeps the sync error with members.
    return Object.assign(new SetListingDriftPolicyPayload(), { product: toProductNode(product), listing: toListingNode(listing, product) });
  }
}
