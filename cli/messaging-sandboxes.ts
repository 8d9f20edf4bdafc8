import type { HubConfig } from '../core/config.js';
import { isLocal } from '../connectors/marketplace/settings.js';
import { CHANNEL_ADAPTERS, type ChannelCode } from '../connectors/messaging/registry.js';
import { messagingSandboxSettings } from '../connectors/messaging/sandbox/sandbox-settings.js';
import { startMessagingSandboxes } from '../connectors/messaging/sandboxes.js';
import { messagingSettings } from '../connectors/messaging/settings.js';

/**
 * `npm start` runs a local sandbox for each messaging channel whose `<CODE>_BASE_URL` is not set, so
 * the society delivery worker has an SMS gateway and a Zalo OA to talk to. Returns what it started,
 * the subgraph processes' start-up environment (`<CODE>_BASE_URL` of each sandbox) and where each
 * channel points. Nothing is written to the environment.
 */
export async function startMessagingSandboxesUnlessConfigured(config: HubConfig): Promise<{ sandboxes: { close(): Promise<void> } | null; childEnv: Record<string, string>; targets: Record<string, string> }> {
  const channels = config.get(messagingSettings) as Record<ChannelCode, { baseUrl: string }>;
  const sandbox = config.get(messagingSandboxSettings);
  const local = CHANNEL_ADAPTERS.map((a) => a.code).filter((code) => channels[code].baseUrl === `http://127.0.0.1:${sandbox.ports[code]}`);
  const describe = (urls: Record<string, string>) => Object.fromEntries(Object.entries(urls).map(([code, url]) => [code, `${url}${isLocal(url) ? ' (local sandbox)' : ''}`]));
  const configured = Object.fromEntries(CHANNEL_ADAPTERS.map((a) => [a.code, channels[a.code].baseUrl]));
  if (!local.length) return { sandboxes: null, childEnv: {}, targets: describe(configured) };
  const sandboxes = await startMessagingSandboxes({ codes: local, ports: sandbox.ports, faults: sandbox.faults, options: { deliveryDelayMs: sandbox.deliveryDelayMs } });
  const started = Object.fromEntries(local.map((code) => [code, sandboxes[code].url]));
  return { sandboxes, childEnv: Object.fromEntries(local.map((code) => [`${code}_BASE_URL`, started[code]!])), targets: describe({ ...configured, ...started }) };
}
