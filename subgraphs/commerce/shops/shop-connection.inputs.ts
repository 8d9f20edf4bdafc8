import { Field, ID, InputType } from 'type-graphql';
import { Marketplace } from '../catalogue/marketplace.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import '../catalogue/marketplace.type.js';

@InputType({ description: 'Which producer\'s shop to authorise, at which marketplace (one that authorises by redirect: VOSO).' })
export class StartShopAuthorizationInput {
  @Field(() => ID, { description: 'The producer; the caller is one of its members, a cooperative manager of its commune or an admin.' })
  producerId!: string;

  @Field(() => Marketplace, { description: 'The marketplace.' })
  marketplace!: Marketplace;
}

@InputType({ description: 'A shop the seller has authorised the hub\'s partner for, at a marketplace that authorises by shop id (POSTMART).' })
export class ConnectShopInput {
  @Field(() => ID, { description: 'The producer; the caller is one of its members, a cooperative manager of its commune or an admin.' })
  producerId!: string;

  @Field(() => Marketplace, { description: 'The marketplace.' })
  marketplace!: Marketplace;

  @Field(() => String, { description: 'The shop id shown in the marketplace\'s seller centre (digits).' })
  shopId!: string;
}
