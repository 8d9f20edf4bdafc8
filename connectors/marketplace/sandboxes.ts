/**
 * Starts a sandbox for each marketplace of the registry (or of a list a test gives): for `npm start`
 * (on each `<CODE>_SANDBOX_PORT`, where the default connector settings point) and for tests (port 0).
 * `settings` are connector settings pointing at them, ready for `createConnectors`.
 */
import type { AnyMarketplaceAdapter, RunningSandbox } from './adapter.js';
import { MARKETPLACE_ADAPTERS, type CodeOf, type SandboxesByCode, type SettingsByCode } from './registry.js';
import type { FaultSettings } from './sandbox/faults.js';
import type { SandboxSettings } from './sandbox/sandbox-settings.js';

export interface MarketplaceSandboxesOptions<A extends readonly AnyMarketplaceAdapter[]> {
  /** Default: the registry's adapters. */
  adapters?: A;
  /** Per marketplace: port, faults and the adapter's options (`config.get(sandboxSettings)` in `npm start`). Default: free ports, no faults. */
  settings?: Partial<Record<CodeOf<A>, Partial<SandboxSettings>>>;
  host?: string;
  /** Faults for every sandbox, over the per-marketplace ones. */
  faults?: Partial<FaultSettings>;
  /** postmart's review time (ms) in tests; a shorthand for `settings.POSTMART.options.moderationDelayMs`. */
  moderationDelayMs?: number;
  /** Per-request timeout of the connectors in `settings` (default 10000 ms). */
  timeoutMs?: number;
  /** Keep each sandbox's listings and orders here across restarts (`npm start`: `<HUB_DATA_DIR>/sandboxes`); none: in memory. */
  stateDir?: string;
  /** Where marketplaces that push events send them, by code (e.g. the commerce subgraph's webhook route). */
  webhookUrls?: Partial<Record<CodeOf<A>, string>>;
}

export type MarketplaceSandboxes<A extends readonly AnyMarketplaceAdapter[] = typeof MARKETPLACE_ADAPTERS> = SandboxesByCode<A> & {
  urls: Record<CodeOf<A>, string>;
  /** Connector settings pointing at these sandboxes with their credentials. */
  settings: SettingsByCode<A>;
  /** Registers where pushing sandboxes send events from now on, by code (the receiver's port may be known only after they started). */
  routeWebhooks(urls: Partial<Record<CodeOf<A>, string>>): void;
  close(): Promise<void>;
};

export async function startMarketplaceSandboxes<A extends readonly AnyMarketplaceAdapter[] = typeof MARKETPLACE_ADAPTERS>(
  options: MarketplaceSandboxesOptions<A> = {},
): Promise<MarketplaceSandboxes<A>> {
  const adapters = options.adapters ?? (MARKETPLACE_ADAPTERS as unknown as A);
  const started: [string, RunningSandbox][] = [];
  try {
    for (const adapter of adapters) {
      const own: Partial<SandboxSettings> = (options.settings as Record<string, Partial<SandboxSettings>> | undefined)?.[adapter.code] ?? {};
      const moderation = options.moderationDelayMs === undefined ? {} : { moderationDelayMs: options.moderationDelayMs };
      const sandbox = await adapter.sandbox.start({
        port: own.port ?? 0,
        host: options.host,
        faults: { ...own.faults, ...options.faults },
        options: { ...own.options, ...moderation },
        stateDir: options.stateDir,
        webhookUrl: (options.webhookUrls as Record<string, string | undefined> | undefined)?.[adapter.code],
      });
      started.push([adapter.code, sandbox]);
    }
  } catch (error) {
    await Promise.all(started.map(([, s]) => s.close()));
    throw error;
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  const byCode = Object.fromEntries(started);
  return {
    ...byCode,
    urls: Object.fromEntries(started.map(([code, s]) => [code, s.url])),
    settings: Object.fromEntries(adapters.map((a) => [a.code, a.sandbox.settingsFor(byCode[a.code]!.url, timeoutMs)])),
    routeWebhooks: (urls: Record<string, string | undefined>) => {
      for (const [code, sandbox] of started) {
        const url = urls[code];
        if (url) sandbox.setWebhookUrl?.(url);
      }
    },
    close: async () => {
      await Promise.all(started.map(([, s]) => s.close()));
    },
  } as unknown as MarketplaceSandboxes<A>;
}
