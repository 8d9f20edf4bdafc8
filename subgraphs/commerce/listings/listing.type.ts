import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DriftPolicySetting } from '../drift/drift-kinds.js';
import { Marketplace } from '../catalogue/marketplace.js';
import { ListingIntent, ListingStatus } from './listing-status.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import '../drift/drift-kinds.type.js';
import './listing-status.type.js';
import '../catalogue/marketplace.type.js';

@ObjectType('Listing', { description: 'A product on one marketplace, with where its sync stands.' })
export class ListingNode {
  @Field(() => ID, { description: 'Stable id of the listing.' })
  id!: string;

  @Field(() => Marketplace, { description: 'The marketplace.' })
  marketplace!: Marketplace;

  @Field(() => ListingStatus, { description: 'Where the listing stands.' })
  status!: ListingStatus;

  @Field(() => ListingIntent, { description: 'What the producer wants there: PUBLISHED or DELISTED; `status` says how far the marketplace is.' })
  wantedState!: ListingIntent;

  @Field(() => Int, { description: 'Failed calls to the marketplace since its last success (0 after one).' })
  attempts!: number;

  @Field(() => Date, { nullable: true, description: 'When the hub last called the marketplace about this listing; null before the first call.' })
  lastAttemptAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the hub will try again: after a backoff, a review poll, a create being waited for, or the slow retry of a FAILED listing; null when nothing is planned.',
  })
  nextAttemptAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The marketplace\'s id of the listing, stored the moment it is known; null before.' })
  externalId!: string | null;

  @Field(() => String, { nullable: true, description: 'The listing\'s page on the marketplace; null until the marketplace gives one.' })
  externalUrl!: string | null;

  @Field(() => Boolean, {
    description: 'True when the marketplace holds the product\'s latest version (published or under review with it), or has confirmed a delisting.',
  })
  inSync!: boolean;

  @Field(() => String, { nullable: true, description: 'The marketplace\'s reason when REJECTED, or why it refused the last update of a listing that stays PUBLISHED (then not in sync).' })
  rejectionReason!: string | null;

  @Field(() => Int, {
    description: 'Extra copies of this listing found at the marketplace (a create that landed after it was given up for lost) and delisted by the hub.',
  })
  duplicatesDelisted!: number;

  @Field(() => Date, { nullable: true, description: 'When the marketplace last confirmed a write.' })
  lastSyncedAt!: Date | null;

  @Field(() => DriftPolicySetting, {
    description: 'The listing\'s own drift policy (setListingDriftPolicy): REASSERT or ADOPT, or INHERIT (the marketplace\'s; `driftPolicy` says which that is).',
  })
  driftPolicySetting!: DriftPolicySetting;

  /** Not in the schema: the product's producer, for fields other parts add (the shop connection). */
  producerId!: string;

  /** Not in the schema: the last sync error, which `lastError` shows by its access rule. */
  syncError!: string | null;
}
