import type { SubgraphPart } from '../../../core/subgraph.js';
import { registerMarketplaceWebhooks } from '../drift/marketplace-webhook.routes.js';
import { seedPilotCatalogue } from '../seed/pilot-catalogue.js';
import { defaultConnectors } from '../sync/default-connectors.js';
import { registerSyncMetrics } from '../sync/sync-metrics.js';
import { startSyncWorker, type CommerceSyncSetup } from '../sync/worker-runtime.js';
import { CatalogueResolverSet } from './catalogue-resolvers.js';
import { resolveCommuneReference } from '../commune/commune.reference.js';
import { resolveProducerReference } from './producer.reference.js';

/**
 * The commerce catalogue: producers, products, their marketplace listings and orders, and the sync
 * worker that keeps the listings in step (inside the subgraph, and alone as `hub worker`).
 */
export function createCataloguePart(setup: CommerceSyncSetup = {}): SubgraphPart {
  return {
    resolvers: CatalogueResolverSet,
    referenceResolvers: { Commune: resolveCommuneReference, Producer: resolveProducerReference },
    seedPilot: (em, config) => seedPilotCatalogue(em, config),
    routes: (app, runtime) => registerMarketplaceWebhooks(app, runtime),
    background: setup.runWorker === false ? undefined : (runtime) => startSyncWorker(runtime.orm, runtime.config, runtime.logger, setup, defaultConnectors, runtime.metrics),
    metrics: registerSyncMetrics,
  };
}

export const cataloguePart = createCataloguePart();
