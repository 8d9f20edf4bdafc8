/** The Zalo Official Account–style API, declared for the messaging registry (connectors/messaging/registry.ts). */
import { z } from 'zod';
import { defineChannelAdapter } from '../messaging/adapter.js';
import { ZaloChannel, type ZaloSettings } from './adapter.js';
import { ZALO_SANDBOX_TOKEN } from './sandbox-credentials.js';

export const zaloAdapter = defineChannelAdapter({
  code: 'ZALO',
  title: 'Zalo Official Account',
  variables: { ACCESS_TOKEN: z.string().min(1).default(ZALO_SANDBOX_TOKEN) },
  settings: (base, own): ZaloSettings => ({ ...base, accessToken: own.ACCESS_TOKEN }),
  rules: (settings, local) =>
    !local && settings.accessToken === ZALO_SANDBOX_TOKEN ? ['ZALO_ACCESS_TOKEN: ZALO_BASE_URL points away from the sandbox but the token is the sandbox one; set the OA\'s token'] : [],
  connect: (settings) => new ZaloChannel(settings),
  sandbox: {
    defaultPort: 4112,
    // The sandbox (express and its routes) loads when it starts: the registry that declares it is read by every `hub` command.
    start: async (options) => (await import('./sandbox.js')).startZaloSandbox(options),
    settingsFor: (url, timeoutMs): ZaloSettings => ({ baseUrl: url, timeoutMs, accessToken: ZALO_SANDBOX_TOKEN }),
  },
});
