/** The SMS brandname gateway, declared for the messaging registry (connectors/messaging/registry.ts). */
import { z } from 'zod';
import { defineChannelAdapter } from '../messaging/adapter.js';
import { SmsChannel, type SmsSettings } from './adapter.js';
import { SMS_SANDBOX_CREDENTIALS } from './sandbox-credentials.js';

export const smsAdapter = defineChannelAdapter({
  code: 'SMS',
  title: 'SMS brandname gateway',
  variables: {
    API_KEY: z.string().min(1).default(SMS_SANDBOX_CREDENTIALS.apiKey),
    BRANDNAME: z.string().min(1).max(11).default(SMS_SANDBOX_CREDENTIALS.brandname),
  },
  settings: (base, own): SmsSettings => ({ ...base, apiKey: own.API_KEY, brandname: own.BRANDNAME }),
  rules: (settings, local) =>
    !local && settings.apiKey === SMS_SANDBOX_CREDENTIALS.apiKey ? ['SMS_API_KEY: SMS_BASE_URL points away from the sandbox but the key is the sandbox one; set the real one'] : [],
  connect: (settings) => new SmsChannel(settings),
  sandbox: {
    defaultPort: 4111,
    // The sandbox (express and its routes) loads when it starts: the registry that declares it is read by every `hub` command.
    start: async (options) => (await import('./sandbox.js')).startSmsSandbox(options),
    settingsFor: (url, timeoutMs): SmsSettings => ({ baseUrl: url, timeoutMs, ...SMS_SANDBOX_CREDENTIALS }),
  },
});
