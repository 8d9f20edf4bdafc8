import type { AnyMarketplaceAdapter } from '../../../connectors/marketplace/adapter.js';
import { MARKETPLACE_ADAPTERS, MARKETPLACE_CODES, type MarketplaceCode } from '../../../connectors/marketplace/registry.js';

/**
 * The marketplaces the hub keeps listings on: the connector registry's codes, so the GraphQL enum,
 * the columns and the checks follow the registry (connectors/marketplace/registry.ts).
 */
export type Marketplace = MarketplaceCode;

/** The GraphQL enum of a list of adapters: one value per code, described by the adapters' titles. */
export function marketplaceEnum<A extends readonly AnyMarketplaceAdapter[]>(adapters: A) {
  const named = adapters.map((a) => `${a.code} (${a.title})`);
  const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} or ${named.at(-1)}` : (named[0] ?? 'none');
  return {
    values: Object.fromEntries(adapters.map((a) => [a.code, a.code])) as { readonly [C in A[number]['code']]: C },
    description: `A marketplace the hub publishes listings on: ${list}.`,
  };
}

const registered = marketplaceEnum(MARKETPLACE_ADAPTERS);
export const Marketplace = registered.values;
/** The enum's description, registered with its GraphQL name in marketplace.type.ts. */
export const MARKETPLACE_DESCRIPTION = registered.description;
export const MARKETPLACES: readonly Marketplace[] = MARKETPLACE_CODES;
