/** voso.vn, declared for the marketplace registry (connectors/marketplace/registry.ts). */
import { z } from 'zod';
import { join } from 'node:path';
import { defineMarketplaceAdapter } from '../marketplace/adapter.js';
import { VosoConnector, type VosoSettings } from './adapter.js';
import { VOSO_SANDBOX_WEBHOOK_SECRET, vosoEvents } from './events.js';
import { VOSO_ATTRIBUTES_BY_HUB, VOSO_CATEGORY_BY_HUB, VOSO_UNIT_BY_HUB } from './mappings.js';
import { VOSO_SANDBOX_CLIENT } from './sandbox-credentials.js';
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
    /** VOSO_WEBHOOK_SECRET: what voso signs its event pushes with. */
    WEBHOOK_SECRET: z.string().min(16).default(VOSO_SANDBOX_WEBHOOK_SECRET),
  },
  settings: (base, own): VosoSettings => ({ ...base, clientId: own.CLIENT_ID, clientSecret: own.CLIENT_SECRET, webhookSecret: own.WEBHOOK_SECRET }),
  // Pointed at the real voso, the sandbox's published secrets would let anyone call as the hub or
  // forge voso's pushes: both must be the real ones.
  rules: (settings, local) => [
    ...(!local && settings.clientSecret === VOSO_SANDBOX_CLIENT.clientSecret
      ? ['VOSO_CLIENT_ID/VOSO_CLIENT_SECRET: VOSO_BASE_URL points away from the sandbox but the credentials are the sandbox ones; set the real ones']
      : []),
    ...(!local && settings.webhookSecret === VOSO_SANDBOX_WEBHOOK_SECRET
      ? ['VOSO_WEBHOOK_SECRET: VOSO_BASE_URL points away from the sandbox but the push secret is the sandbox\'s public one; set the secret voso gave you for webhooks']
      : []),
  ],
  connect: (settings) => new VosoConnector(settings),
  // voso pushes seller-centre edits and bans (events.ts), so the hub audits those listings at once.
  events: vosoEvents,
  // OAuth2 authorization code per shop (README.md, "Shop authorisation").
  shops: vosoShops,
  sandbox: {
    defaultPort: 4101,
    /** VOSO_SANDBOX_WEBHOOK_URL: where the sandbox pushes seller-centre edits (`npm start` points it at the commerce subgraph). */
    variables: { WEBHOOK_URL: z.string().url().optional() },
    options: (values): { webhookUrl?: string } => (values.WEBHOOK_URL ? { webhookUrl: values.WEBHOOK_URL as string } : {}),
    // The sandbox (express and its routes) loads when it starts: the registry that declares it is read by every `hub` command.
    start: async ({ port, host, faults, stateDir, webhookUrl, options }) =>
      (await import('./sandbox.js')).startVosoSandbox({
        port,
        host,
        faults,
        stateFile: stateDir ? join(stateDir, 'voso.json') : undefined,
        webhook: (webhookUrl ?? options?.webhookUrl) ? { url: (webhookUrl ?? options?.webhookUrl)!, secret: VOSO_SANDBOX_WEBHOOK_SECRET } : undefined,
      }),
    settingsFor: (url, timeoutMs): VosoSettings => ({ baseUrl: url, ...VOSO_SANDBOX_CLIENT, webhookSecret: VOSO_SANDBOX_WEBHOOK_SECRET, timeoutMs }),
  },
});
