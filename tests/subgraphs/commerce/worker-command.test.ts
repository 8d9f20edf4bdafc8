import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSubgraphCommands } from '../../../core/subgraph.js';
import { marketplaceSettings } from '../../../connectors/marketplace/settings.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../connectors/marketplace/sandboxes.js';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { ListingStatus } from '../../../subgraphs/commerce/listings/listing-status.js';
import { Listing } from '../../../subgraphs/commerce/listings/listing.entity.js';
import { SyncJob, SyncJobStatus } from '../../../subgraphs/commerce/sync/sync-job.entity.js';
import { syncSettings } from '../../../subgraphs/commerce/sync/sync-options.js';
import { SUBGRAPH_DEFINITIONS } from '../../../subgraphs/definitions.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { createAndPublish } from './support/bulk-catalogue.js';
import { FAST_SYNC, startCommerce, waitFor } from './support/commerce-harness.js';

describe('commerce: `hub worker`', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let sandboxes: MarketplaceSandboxes;

  beforeAll(async () => {
    env = await createTestEnvironment();
    sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 0 });
    subgraph = await startCommerce(env, { seed: true });
  });
  afterAll(async () => {
    await subgraph?.close();
    await sandboxes?.close();
    await env?.cleanup();
  });

  it('publishes the queued listings through the configured connectors, then stops on SIGTERM leaving no job running', { timeout: 120_000 }, async () => {
    const ids = await createAndPublish(subgraph.orm, 5, { prefix: 'Rau của hub worker' });
    const config = env.config
      .with(marketplaceSettings, sandboxes.settings)
      .with(syncSettings, { ...env.config.get(syncSettings), ...FAST_SYNC, ratePerSecond: { default: 1_000 } });
    const program = new Command().exitOverride();
    // The command as the CLI registers it: from the commerce definition, with its context.
    registerSubgraphCommands(program, SUBGRAPH_DEFINITIONS.commerce, () => config);
    const running = program.parseAsync(['node', 'hub', 'worker']);

    const em = () => subgraph.orm.em.fork();
    await waitFor('every listing published at both marketplaces', async () => (await em().count(Listing, { productId: { $in: ids }, status: ListingStatus.PUBLISHED })) === 10);
    const skus = new Set((await em().find(Listing, { productId: { $in: ids } })).map((l) => l.productId));
    expect(skus.size).toBe(5);
    expect(sandboxes.VOSO.state.duplicateSkus()).toEqual([]);

    process.emit('SIGTERM', 'SIGTERM');
    await running;
    expect(await em().count(SyncJob, { status: SyncJobStatus.RUNNING })).toBe(0);
  });
});
