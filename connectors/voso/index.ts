/** voso.vn, declared for the marketplace registry (connectors/marketplace/registry.ts). */
import { z } from 'zod';
import { defineMarketplaceAdapter } from '../marketplace/adapter.js';
import { VosoConnector, type VosoSettings } from './adapter.js';
import { VOSO_ATTRIBUTES_BY_HUB, VOSO_CATEGORY_BY_HUB, VOSO_UNIT_BY_HUB } from './mappings.js';
import { startVosoSandbox, VOSO_SANDBOX_CLIENT } from './sandbox.js';
import { vosoShops } from './shop-auth.js';

export const vosoAdapter = defineMarketplaceAdapter({
  code: 'VOSO',
  title: 'voso.vn, Viettel Post',
  // README.md, "Writable fields and their validation".
  limits: {
    priceVnd: { min: 1_000, max: 100_000_000 },
    stock: { max: 100_000 },
    name: { min: 3, max: 120 },
    description: { max: 3_000 },
    units: Object.keys(VOSO_UNIT_BY_HUB),
    categories: Object.keys(VOSO_CATEGORY_BY_HUB),
    weight: { maxGrams: 100_000 },
    images: { max: 9 },
    attributes: VOSO_ATTRIBUTES_BY_HUB,
  },
  variables: {
    CLIENT_ID: z.string().min(1).default(VOSO_SANDBOX_CLIENT.clientId),
    CLIENT_SECRET: z.string().min(1).default(VOSO_SANDBOX_CLIENT.clientSecret),
  },
  settings: (base, own): VosoSettings => ({ ...base, clientId: own.CLIENT_ID, clientSecret: own.CLIENT_SECRET }),
  rules: (settings, local) =>
    !local && settings.clientSecret === VOSO_SANDBOX_CLIENT.clientSecret
      ? ['VOSO_CLIENT_ID/VOSO_CLIENT_SECRET: VOSO_BASE_URL points away from the sandbox but the credentials are the sandbox ones; set the real ones']
      : [],
  connect: (settings) => new VosoConnector(settings),
  // OAuth2 authorization code per shop (README.md, "Shop authorisation").
  shops: vosoShops,
  sandbox: {
    defaultPort: 4101,
    start: ({ port, host, faults }) => startVosoSandbox({ port, host, faults }),
    settingsFor: (url, timeoutMs): VosoSettings => ({ baseUrl: url, ...VOSO_SANDBOX_CLIENT, timeoutMs }),
  },
});
