/**
 * A third marketplace, "chợ" (CHO), declared the way connectors/voso/index.ts declares voso: this
 * folder is all a new marketplace brings; registering it is one more entry in the adapter list.
 */
import { z } from 'zod';
import { defineMarketplaceAdapter } from '../../../../connectors/marketplace/adapter.js';
import { ChoConnector, type ChoSettings } from './connector.js';
import { CHO_SANDBOX_KEY, startChoSandbox } from './sandbox.js';

export const choAdapter = defineMarketplaceAdapter({
  code: 'CHO',
  title: 'chợ.vn, a test marketplace',
  limits: {
    priceVnd: { min: 1_000, max: 50_000_000 },
    stock: { max: 10_000 },
    name: { min: 3, max: 100 },
    description: { max: 2_000 },
    units: ['kg', 'quả'],
    categories: ['vegetables', 'fruit'],
    weight: { maxGrams: 30_000 },
    images: { max: 5 },
  },
  variables: { API_KEY: z.string().min(1).default(CHO_SANDBOX_KEY) },
  settings: (base, own): ChoSettings => ({ ...base, apiKey: own.API_KEY }),
  rules: (settings, local) => (!local && settings.apiKey === CHO_SANDBOX_KEY ? ['CHO_API_KEY: CHO_BASE_URL points away from the sandbox; set the real key'] : []),
  connect: (settings) => new ChoConnector(settings),
  sandbox: {
    defaultPort: 4103,
    variables: { GREETING: z.string().default('xin chào') },
    options: (values) => ({ greeting: values.GREETING as string }),
    start: (options) => startChoSandbox(options),
    settingsFor: (url, timeoutMs): ChoSettings => ({ baseUrl: url, apiKey: CHO_SANDBOX_KEY, timeoutMs }),
  },
});
