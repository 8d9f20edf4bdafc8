/**
 * Starts both marketplace sandboxes, for `npm start` (on VOSO_SANDBOX_PORT / POSTMART_SANDBOX_PORT,
 * where the default connector settings point) and for tests (port 0). `settings` are connector
 * settings pointing at them, ready for `createConnector`; on port 0 use them, not the env defaults.
 */
import { startPostmartSandbox, type PostmartSandbox } from '../postmart/sandbox.js';
import { startVosoSandbox, type VosoSandbox } from '../voso/sandbox.js';
import type { FaultSettings } from './sandbox/faults.js';
import { SANDBOX_CREDENTIALS, sandboxPortsFromEnv, type ConnectorSettings } from './settings.js';

export { NO_FAULTS, type FaultSettings, type FaultCounters } from './sandbox/faults.js';
export type { PlaceOrderInput } from './sandbox/order-book.js';
export { startVosoSandbox, type VosoSandbox, type VosoSandboxOptions } from '../voso/sandbox.js';
export { startPostmartSandbox, type PostmartSandbox, type PostmartSandboxOptions } from '../postmart/sandbox.js';

export interface MarketplaceSandboxesOptions {
  /** Default VOSO_SANDBOX_PORT or 4101; 0 picks a free port. */
  vosoPort?: number;
  /** Default POSTMART_SANDBOX_PORT or 4102; 0 picks a free port. */
  postmartPort?: number;
  host?: string;
  /** Faults for both sandboxes; unset ones come from env (VOSO_SANDBOX_*, POSTMART_SANDBOX_*, SANDBOX_*). */
  faults?: Partial<FaultSettings>;
  /** postmart's review time (ms); default POSTMART_SANDBOX_MODERATION_MS or 2000. */
  moderationDelayMs?: number;
  /** Per-request timeout of the connectors in `settings` (default 10000 ms). */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface MarketplaceSandboxes {
  voso: VosoSandbox;
  postmart: PostmartSandbox;
  urls: { VOSO: string; POSTMART: string };
  /** Connector settings pointing at these sandboxes with their credentials. */
  settings: ConnectorSettings;
  close(): Promise<void>;
}

export async function startMarketplaceSandboxes(options: MarketplaceSandboxesOptions = {}): Promise<MarketplaceSandboxes> {
  const common = { host: options.host, faults: options.faults, env: options.env };
  const ports = sandboxPortsFromEnv(options.env ?? process.env);
  const voso = await startVosoSandbox({ ...common, port: options.vosoPort ?? ports.vosoPort });
  let postmart: PostmartSandbox;
  try {
    postmart = await startPostmartSandbox({ ...common, port: options.postmartPort ?? ports.postmartPort, moderationDelayMs: options.moderationDelayMs });
  } catch (error) {
    await voso.close();
    throw error;
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    voso,
    postmart,
    urls: { VOSO: voso.url, POSTMART: postmart.url },
    settings: {
      voso: { baseUrl: voso.url, ...SANDBOX_CREDENTIALS.voso, timeoutMs },
      postmart: { baseUrl: postmart.url, ...SANDBOX_CREDENTIALS.postmart, timeoutMs },
    },
    close: async () => {
      await Promise.all([voso.close(), postmart.close()]);
    },
  };
}
