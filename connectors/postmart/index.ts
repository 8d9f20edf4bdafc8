/** postmart.vn, declared for the marketplace registry (connectors/marketplace/registry.ts). */
import { join } from 'node:path';
import { z } from 'zod';
import { defineMarketplaceAdapter } from '../marketplace/adapter.js';
import { PostmartConnector, type PostmartSettings } from './adapter.js';
import { POSTMART_ATTRIBUTES_BY_HUB, POSTMART_CATEGORY_BY_HUB, POSTMART_UNIT_BY_HUB } from './mappings.js';
import { POSTMART_SANDBOX_CREDENTIALS } from './sandbox-credentials.js';
import { postmartShops } from './shop-auth.js';

export const postmartAdapter = defineMarketplaceAdapter({
  code: 'POSTMART',
  title: 'postmart.vn, Vietnam Post',
  // README.md, "Validation"; a weight is needed per sales unit except by the kg (the adapter sends 1 kg).
  limits: {
    priceVnd: { min: 1_000, max: 100_000_000 },
    stock: { max: 100_000 },
    name: { min: 3, max: 120 },
    description: { max: 5_000 },
    units: Object.keys(POSTMART_UNIT_BY_HUB),
    categories: Object.keys(POSTMART_CATEGORY_BY_HUB),
    weight: { maxGrams: 50_000, optionalForUnits: ['kg'] },
    images: { max: 9 },
    attributes: POSTMART_ATTRIBUTES_BY_HUB,
  },
  variables: {
    PARTNER_ID: z.string().min(1).default(POSTMART_SANDBOX_CREDENTIALS.partnerId),
    PARTNER_KEY: z.string().min(1).default(POSTMART_SANDBOX_CREDENTIALS.partnerKey),
    SHOP_ID: z.string().min(1).default(POSTMART_SANDBOX_CREDENTIALS.shopId),
  },
  settings: (base, own): PostmartSettings => ({ ...base, partnerId: own.PARTNER_ID, partnerKey: own.PARTNER_KEY, shopId: own.SHOP_ID }),
  rules: (settings, local) =>
    !local && settings.partnerKey === POSTMART_SANDBOX_CREDENTIALS.partnerKey
      ? ['POSTMART_PARTNER_ID/POSTMART_PARTNER_KEY/POSTMART_SHOP_ID: POSTMART_BASE_URL points away from the sandbox but the credentials are the sandbox ones; set the real ones']
      : [],
  connect: (settings) => new PostmartConnector(settings),
  // The partner key signs for the shop id the seller authorised it for (README.md, "Shop authorisation").
  shops: postmartShops,
  sandbox: {
    defaultPort: 4102,
    /** POSTMART_SANDBOX_MODERATION_MS: how long a new item stays under review. */
    variables: { MODERATION_MS: z.coerce.number().int().min(0).default(2000) },
    options: (values) => ({ moderationDelayMs: values.MODERATION_MS as number }),
    // The sandbox (express and its routes) loads when it starts: the registry that declares it is read by every `hub` command.
    start: async ({ port, host, faults, options, stateDir }) => (await import('./sandbox.js')).startPostmartSandbox({ port, host, faults, ...options, stateFile: stateDir ? join(stateDir, 'postmart.json') : undefined }),
    settingsFor: (url, timeoutMs): PostmartSettings => ({ baseUrl: url, ...POSTMART_SANDBOX_CREDENTIALS, timeoutMs }),
  },
});
