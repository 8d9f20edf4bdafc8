import { postmartAdapter } from '../postmart/index.js';
import { vosoAdapter } from '../voso/index.js';
import type { AnyMarketplaceAdapter, MarketplaceAdapter } from './adapter.js';
import type { MarketplaceConnector } from './contract.js';

/** Every marketplace the hub publishes to. Adding one: its folder (connectors/<name>/index.ts), and a line here. */
export const MARKETPLACE_ADAPTERS = [vosoAdapter, postmartAdapter] as const;

/** The codes of a list of adapters, e.g. 'VOSO' | 'POSTMART'. */
export type CodeOf<A extends readonly AnyMarketplaceAdapter[]> = A[number]['code'];
export type MarketplaceCode = CodeOf<typeof MARKETPLACE_ADAPTERS>;

export const MARKETPLACE_CODES: readonly MarketplaceCode[] = MARKETPLACE_ADAPTERS.map((a) => a.code);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SettingsOf<A> = A extends MarketplaceAdapter<string, infer S, any, any> ? S : never;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SandboxOf<A> = A extends MarketplaceAdapter<string, any, infer X, any> ? X : never;

/** Connector settings of each adapter of a list, by code. */
export type SettingsByCode<A extends readonly AnyMarketplaceAdapter[]> = { [C in CodeOf<A>]: SettingsOf<Extract<A[number], { code: C }>> };
/** A running sandbox of each adapter of a list, by code. */
export type SandboxesByCode<A extends readonly AnyMarketplaceAdapter[]> = { [C in CodeOf<A>]: SandboxOf<Extract<A[number], { code: C }>> };

export type ConnectorSettings = SettingsByCode<typeof MARKETPLACE_ADAPTERS>;

/** One connector per marketplace of the list, by code. */
export function createConnectors<A extends readonly AnyMarketplaceAdapter[] = typeof MARKETPLACE_ADAPTERS>(
  settings: SettingsByCode<A>,
  adapters: A = MARKETPLACE_ADAPTERS as unknown as A,
): Record<CodeOf<A>, MarketplaceConnector> {
  const byCode = settings as Record<string, unknown>;
  return Object.fromEntries(adapters.map((a) => [a.code, a.connect(byCode[a.code])])) as Record<CodeOf<A>, MarketplaceConnector>;
}
