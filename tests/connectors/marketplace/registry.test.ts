/**
 * A third marketplace with a sandbox is one folder (./third-marketplace) and one entry in the adapter
 * list: everything per-marketplace derives from the list. The registry's own list is checked the
 * same way against what it generates (settings, sandboxes, the schema's enum, the columns).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { MARKETPLACE_ADAPTERS, MARKETPLACE_CODES, createConnectors, type CodeOf } from '../../../connectors/marketplace/registry.js';
import { sandboxSettingsSection } from '../../../connectors/marketplace/sandbox/sandbox-settings.js';
import { startMarketplaceSandboxes } from '../../../connectors/marketplace/sandboxes.js';
import { marketplaceSettingsSection } from '../../../connectors/marketplace/settings.js';
import { marketplaceEnum } from '../../../subgraphs/commerce/catalogue/marketplace.js';
import { syncSettingsSection } from '../../../subgraphs/commerce/sync/sync-options.js';
import { listingContent } from '../fixtures.js';
import { choAdapter } from './third-marketplace/index.js';

/** The registry's list with the new marketplace's entry: the one line a real registration adds. */
const ADAPTERS = [...MARKETPLACE_ADAPTERS, choAdapter] as const;

describe('the marketplace registry', () => {
  it('derives the code union from the adapter list', () => {
    expectTypeOf<CodeOf<typeof ADAPTERS>>().toEqualTypeOf<'VOSO' | 'POSTMART' | 'CHO'>();
    expect(ADAPTERS.map((a) => a.code)).toEqual([...MARKETPLACE_CODES, 'CHO']);
  });

  it('derives the connector settings and their variables, with the adapter\'s own rules', () => {
    const section = marketplaceSettingsSection(ADAPTERS);
    const defaults = section.parse({});
    expect(defaults.CHO).toEqual({ baseUrl: 'http://127.0.0.1:4103', timeoutMs: 10_000, maxSockets: 32, slowestCreateMs: 60_000, apiKey: 'cho-sandbox-key' });
    expect(defaults.VOSO.baseUrl).toBe('http://127.0.0.1:4101');
    expect(section.parse({ CHO_BASE_URL: 'https://api.cho.example', CHO_API_KEY: 'real', CHO_TIMEOUT_MS: '3000' }).CHO).toMatchObject({ baseUrl: 'https://api.cho.example', apiKey: 'real', timeoutMs: 3000 });
    expect(() => section.parse({ CHO_BASE_URL: 'https://api.cho.example' })).toThrow(/CHO_API_KEY/);
    expect(() => section.parse({ CHO_MAX_SOCKETS: 'lots' })).toThrow(/CHO_MAX_SOCKETS/);
  });

  it('derives the sync rate variable of each marketplace', () => {
    const options = syncSettingsSection(ADAPTERS).parse({ COMMERCE_SYNC_RATE_CHO: '3', COMMERCE_SYNC_RATE_PER_SECOND: '7' });
    expect(options.ratePerSecond).toEqual({ default: 7, CHO: 3 });
    expect(() => syncSettingsSection(ADAPTERS).parse({ COMMERCE_SYNC_RATE_CHO: '0' })).toThrow(/COMMERCE_SYNC_RATE_CHO/);
  });

  it('derives the sandbox settings and starts every sandbox, with connectors pointing at them', async () => {
    const settings = sandboxSettingsSection(ADAPTERS).parse({ CHO_SANDBOX_ERROR_RATE: '0.5', CHO_SANDBOX_GREETING: 'chào' });
    expect(settings.CHO).toEqual({ port: 4103, faults: { errorRate: 0.5 }, options: { greeting: 'chào' } });
    const sandboxes = await startMarketplaceSandboxes({ adapters: ADAPTERS, settings: { CHO: { ...settings.CHO, port: 0, faults: {} } }, moderationDelayMs: 0 });
    try {
      expect(Object.keys(sandboxes.urls)).toEqual(['VOSO', 'POSTMART', 'CHO']);
      expect(sandboxes.CHO.greeting).toBe('chào');
      const connectors = createConnectors(sandboxes.settings, ADAPTERS);
      const content = listingContent({ priceVnd: 12_000 });
      const created = await connectors.CHO.createListing(content);
      expect(created).toMatchObject({ sellerSku: content.sellerSku, status: 'PUBLISHED', priceVnd: 12_000 });
      expect(await connectors.CHO.findListingBySku(content.sellerSku)).toMatchObject({ externalId: created.externalId });
      expect(sandboxes.CHO.state.listingCountBySku().get(content.sellerSku)).toBe(1);
    } finally {
      await sandboxes.close();
    }
  });

  it('derives the GraphQL enum; the schema generated from code holds the registry\'s codes', () => {
    const enumOf = marketplaceEnum(ADAPTERS);
    expect(Object.keys(enumOf.values)).toEqual(['VOSO', 'POSTMART', 'CHO']);
    expect(enumOf.description).toBe('A marketplace the hub publishes listings on: VOSO (voso.vn, Viettel Post), POSTMART (postmart.vn, Vietnam Post) or CHO (chợ.vn, a test marketplace).');
    const sdl = readFileSync('schema/commerce.graphql', 'utf8');
    const values = /enum Marketplace \{([^}]*)\}/.exec(sdl)![1].split('\n').map((l) => l.trim()).filter((l) => /^[A-Z_]+$/.test(l));
    expect(values).toEqual([...MARKETPLACE_CODES]);
  });
});
