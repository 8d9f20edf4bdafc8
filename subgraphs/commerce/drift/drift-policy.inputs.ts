import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Marketplace } from '../catalogue/marketplace.js';
import { ProductNode } from '../catalogue/product.type.js';
import { ListingNode } from '../listings/listing.type.js';
import { DriftPolicySetting } from './drift-kinds.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import './drift-kinds.type.js';
import '../catalogue/marketplace.type.js';

@InputType({ description: 'Which version wins when one listing drifts at its marketplace.' })
export class SetListingDriftPolicyInput {
  @Field(() => ID, { description: 'The product.' })
  productId!: string;

  @Field(() => Marketplace, { description: 'The marketplace of the listing.' })
  marketplace!: Marketplace;

  @Field(() => DriftPolicySetting, { description: 'REASSERT or ADOPT for this listing, or INHERIT to follow the marketplace\'s policy again.' })
  policy!: DriftPolicySetting;
}

@ObjectType({ description: 'The listing with its drift policy as committed, and its product.' })
export class SetListingDriftPolicyPayload {
  @Field(() => ProductNode, { description: 'The product.' })
  product!: ProductNode;

  @Field(() => ListingNode, { description: 'The listing; `driftPolicySetting` and `driftPolicy` show the change.' })
  listing!: ListingNode;
}
