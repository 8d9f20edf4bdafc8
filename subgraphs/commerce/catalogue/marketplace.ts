import { registerEnumType } from 'type-graphql';
import type { MarketplaceCode } from '../../../connectors/marketplace/contract.js';

/** The marketplaces the hub keeps listings on (DOMAIN.md sections 1 and 5). Same codes as the connector contract. */
export enum Marketplace {
  VOSO = 'VOSO',
  POSTMART = 'POSTMART',
}

export const MARKETPLACES: readonly Marketplace[] = Object.values(Marketplace);

/** Compile-time check that the GraphQL enum and the connector contract name the same marketplaces. */
export function toMarketplaceCode(marketplace: Marketplace): MarketplaceCode {
  return marketplace;
}

registerEnumType(Marketplace, {
  name: 'Marketplace',
  description: 'A marketplace the hub publishes listings on: VOSO (voso.vn, Viettel Post) or POSTMART (postmart.vn, Vietnam Post).',
});
