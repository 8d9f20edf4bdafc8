import { join } from 'node:path';
import type { HubConfig } from '../core/config.js';
import { webhookPath } from '../subgraphs/commerce/drift/marketplace-webhook.routes.js';
import type { AnyMarketplaceAdapter } from '../connectors/marketplace/adapter.js';
import { MARKETPLACE_ADAPTERS, type ConnectorSettings } from '../connectors/marketplace/registry.js';
import { sandboxSettings } from '../connectors/marketplace/sandbox/sandbox-settings.js';
import { startMarketplaceSandboxes } from '../connectors/marketplace/sandboxes.js';
import { describeConnectorTargets, marketplaceSettings } from '../connectors/marketplace/settings.js';

/**
 * `npm start` runs a local sandbox for each marketplace whose `<CODE>_BASE_URL` is not set (then it is
 * configuration only for that one). Returns what it started, the configuration with those
 * connectors pointed at the sandboxes actually started (their ports may have been chosen by the OS),
 * and where each marketplace is. Nothing is written to the environment.
 *
 * The sandboxes start before the subgraphs (each subgraph process is told where they listen), so the
 * commerce subgraph's address is not known yet (COMMERCE_PORT=0 lets the OS choose it): pushing
 * sandboxes are told their webhook URL afterwards, by `routeWebhooks(commerceUrl)`, unless
 * `<CODE>_SANDBOX_WEBHOOK_URL` names one.
 */
export async function startSandboxesUnlessConfigured(config: HubConfig): Promise<{
  sandboxes: { close(): Promise<void> } | null;
  config: HubConfig;
  /** The same, as the start-up environment of a subgraph process: `<CODE>_BASE_URL` of each sandbox started. */
  childEnv: Record<string, string>;
  targets: Record<string, string>;
  /** Points the pushing sandboxes at the commerce subgraph now listening at `commerceUrl` (its webhook routes). */
  routeWebhooks(commerceUrl: string): void;
}> {
  const connectors: Record<string, ConnectorSettings[keyof ConnectorSettings]> = { ...config.get(marketplaceSettings) };
  const ports = config.get(sandboxSettings) as Record<string, { port: number }>;
  const local = (MARKETPLACE_ADAPTERS as readonly AnyMarketplaceAdapter[]).filter((a) => connectors[a.code]!.baseUrl === `http://127.0.0.1:${ports[a.code]!.port}`);
  if (!local.length) return { sandboxes: null, config, childEnv: {}, targets: describeConnectorTargets(connectors), routeWebhooks: () => undefined };
  // Their listings stay in the data directory across restarts.
  const settings = config.get(sandboxSettings) as Record<string, { options: Record<string, unknown> }>;
  const sandboxes = await startMarketplaceSandboxes({ adapters: local, settings: config.get(sandboxSettings), stateDir: join(config.dataDir, 'sandboxes') });
  // voso's pushes go to the commerce subgraph once it listens, unless VOSO_SANDBOX_WEBHOOK_URL says elsewhere.
  const pushing = local.filter((a) => a.events && !settings[a.code]?.options.webhookUrl);
  const routeWebhooks = (commerceUrl: string) =>
    sandboxes.routeWebhooks(Object.fromEntries(pushing.map((a) => [a.code, `${new URL(commerceUrl).origin}${webhookPath(a.code)}`])));
  for (const adapter of local) {
    const { timeoutMs, maxSockets } = connectors[adapter.code]!;
    connectors[adapter.code] = { ...(sandboxes.settings as Record<string, ConnectorSettings[keyof ConnectorSettings]>)[adapter.code]!, timeoutMs, maxSockets };
  }
  const childEnv = Object.fromEntries(local.map((a) => [`${a.code}_BASE_URL`, connectors[a.code]!.baseUrl]));
  return { sandboxes, config: config.with(marketplaceSettings, connectors as ConnectorSettings), childEnv, targets: describeConnectorTargets(connectors), routeWebhooks };
}
