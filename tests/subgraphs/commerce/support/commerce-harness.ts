import { vi } from 'vitest';
import { signHubToken } from '../../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../../subgraphs/shared/roles.js';
import type { HubConfig } from '../../../../core/config.js';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { startSubgraph } from '../../../helpers/gateway-signing.js';
import { composeSubgraph } from '../../../../core/subgraph.js';
import { createLogger } from '../../../../core/logger.js';
import { createCataloguePart } from '../../../../subgraphs/commerce/catalogue/catalogue.part.js';
import { commerceDefinition } from '../../../../subgraphs/commerce/definition.js';
import { contentPart } from '../../../../subgraphs/commerce/content/content.part.js';
import { shopsPart } from '../../../../subgraphs/commerce/shops/shops.part.js';
import { SyncWorker } from '../../../../subgraphs/commerce/sync/sync-worker.js';
import type { ConnectorSet, SyncOptions } from '../../../../subgraphs/commerce/sync/sync-options.js';
import type { SyncRunMetrics } from '../../../../subgraphs/commerce/sync/sync-run-metrics.js';
import { resolveSyncOptions } from '../../../../subgraphs/commerce/sync/worker-runtime.js';
import type { TestEnvironment } from '../../../helpers/databases.js';

/** Fast settings for tests: short backoff, short claims, quick review polls. */
export const FAST_SYNC: Partial<SyncOptions> = {
  concurrency: 16,
  pollMs: 20,
  leaseMs: 3000,
  retries: 8,
  minBackoffMs: 5,
  maxBackoffMs: 100,
  // A run may take long on a loaded machine; the attempt budget (retries), not the clock, decides FAILED.
  maxRetryTimeMs: 300_000,
  defaultRetryAfterMs: 50,
  reviewPollMs: 50,
  ratePerSecond: { default: 10_000 },
  orderPollMs: 0,
};

/** The commerce catalogue alone (no worker inside: tests start and stop workers themselves). */
export async function startCommerce(env: TestEnvironment, options: { seed?: boolean; config?: HubConfig } = {}): Promise<RunningSubgraph> {
  const module = composeSubgraph(commerceDefinition, [createCataloguePart({ runWorker: false }), shopsPart, contentPart]);
  return startSubgraph(module, { config: options.config ?? env.config, port: 0, host: '127.0.0.1', seed: options.seed ?? true, target: env.target('commerce') });
}

export function startWorker(subgraph: RunningSubgraph, connectorSet: ConnectorSet, options: Partial<SyncOptions> = {}, metrics?: SyncRunMetrics): SyncWorker {
  const resolved = resolveSyncOptions(subgraph.runtime.config, { options: { ...FAST_SYNC, ...options, ratePerSecond: { ...FAST_SYNC.ratePerSecond!, ...options.ratePerSecond } } });
  return new SyncWorker(subgraph.orm, connectorSet, resolved, createLogger('test-worker', 'silent'), metrics).start();
}

export async function producerToken(config: HubConfig, producerIds: string[]): Promise<string> {
  return signHubToken(config, { subject: `member-of-${producerIds.join('-')}`, roles: [Role.PRODUCER], producerIds });
}

/**
 * vi.waitFor until `check` holds; the deadline is generous (a condition, not a speed target: a
 * loaded machine only makes it slower), and a failure says what it waited for and how things stood.
 */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000, everyMs = 50, explain?: () => Promise<unknown>): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await check())) throw new Error(`Timed out waiting for ${what}${explain ? `: ${JSON.stringify(await explain())}` : ''}`);
    },
    { timeout: timeoutMs, interval: everyMs },
  );
}
