import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Marketplace } from '../catalogue/marketplace.js';
import { ShopConnectionStatus } from './shop-connection.entity.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import '../catalogue/marketplace.type.js';

registerEnumType(ShopConnectionStatus, {
  name: 'ShopConnectionStatus',
  description: 'Where a producer\'s authorisation of the hub at a marketplace stands.',
  valuesConfig: {
    PENDING: { description: 'An authorisation was started; the seller has not approved it at the marketplace yet.' },
    CONNECTED: { description: 'The hub acts for the shop; its tokens are refreshed before they expire.' },
    EXPIRED: { description: 'The authorisation ran out (voso: 30 days without a refresh): authorise again.' },
    REVOKED: { description: 'The marketplace refused the shop\'s credentials (the seller withdrew the hub\'s access): authorise again.' },
  },
});

@ObjectType('ShopConnection', { description: 'A producer\'s own shop at one marketplace, and the hub\'s authorisation to act for it. No token is ever shown.' })
export class ShopConnectionNode {
  @Field(() => Marketplace, { description: 'The marketplace.' })
  marketplace!: Marketplace;

  @Field(() => ShopConnectionStatus, { description: 'Where the authorisation stands; listings of a shop that is not CONNECTED fail with a lastError saying so.' })
  status!: ShopConnectionStatus;

  @Field(() => String, { nullable: true, description: 'The marketplace\'s id of the shop; null until the first authorisation completes.' })
  shopId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the current access token expires (refreshed before then); null for marketplaces without tokens.' })
  accessExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The date by which the shop must have been used (or authorised again) before the authorisation runs out.' })
  refreshExpiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the connection is not CONNECTED, or why the last authorisation attempt failed.' })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the shop was first authorised.' })
  connectedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the tokens last changed (an authorisation or a refresh).' })
  lastRefreshedAt!: Date | null;
}

@ObjectType({ description: 'Where to send the seller to authorise the hub.' })
export class ShopAuthorizationPayload {
  @Field(() => String, { description: 'The marketplace\'s consent page; after approval it redirects to the hub\'s /shops/callback, which completes the connection.' })
  authorizeUrl!: string;

  @Field(() => Date, { description: 'The link works until then (15 minutes), once.' })
  expiresAt!: Date;

  @Field(() => ShopConnectionNode, { description: 'The connection as it stands (PENDING for a first authorisation).' })
  connection!: ShopConnectionNode;
}
