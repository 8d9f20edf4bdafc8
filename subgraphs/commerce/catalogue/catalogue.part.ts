import type { SubgraphPart } from '../../../core/subgraph.js';
import { ProductImage } from '../content/product-image.entity.js';
import { Listing } from '../listings/listing.entity.js';
import { driftSettings } from '../drift/drift-settings.js';
import { ListingDrift } from '../drift/listing-drift.entity.js';
import { registerMarketplaceWebhooks } from '../drift/marketplace-webhook.routes.js';
import { OrderFeedCursor } from '../orders/order-feed-cursor.entity.js';
import { MarketplaceOrderLine } from '../orders/order-line.entity.js';
import { MarketplaceOrder } from '../orders/order.entity.js';
import { seedPilotCatalogue } from '../seed/pilot-catalogue.js';
import { pilotPublishSettings } from '../seed/pilot-publish-settings.js';
import { marketplaceSettings } from '../../../connectors/marketplace/settings.js';
import { defaultConnectors } from '../sync/default-connectors.js';
import { registerSyncMetrics } from '../sync/sync-metrics.js';
import { syncSettings } from '../sync/sync-options.js';
import { SyncJob } from '../sync/sync-job.entity.js';
import { registerWorkerCommand } from '../sync/worker.cli.js';
import { startSyncWorker, type CommerceSyncSetup } from '../sync/worker-runtime.js';
import { SyncWorkerLease } from '../sync/worker-lease.entity.js';
import { CatalogueResolverSet } from './catalogue-resolvers.js';
import { resolveCommuneReference } from '../commune/commune.reference.js';
import { ProducerMember } from './producer-member.entity.js';
import { Producer } from './producer.entity.js';
import { resolveProducerReference } from './producer.reference.js';
import { Product } from './product.entity.js';

/**
 * The commerce catalogue: producers, products, their marketplace listings and orders, and the sync
 * worker that keeps the listings in step (inside the subgraph, and alone as `hub worker`).
 */
export function createCataloguePart(setup: CommerceSyncSetup = {}): SubgraphPart {
  return {
    settings: [marketplaceSettings, syncSettings, driftSettings, pilotPublishSettings],
    // ProductImage: the sync engine uploads a product's images before a create. ProducerMember: who
    // acts for a producer is its recorded membership (producer-access.query.ts).
    entities: [Producer, ProducerMember, Product, ProductImage, Listing, ListingDrift, SyncJob, SyncWorkerLease, MarketplaceOrder, MarketplaceOrderLine, OrderFeedCursor],
    resolvers: CatalogueResolverSet,
    referenceResolvers: { Commune: resolveCommuneReference, Producer: resolveProducerReference },
    seedPilot: (em, config) => seedPilotCatalogue(em, config),
    routes: (app, runtime) => registerMarketplaceWebhooks(app, runtime),
    background: setup.runWorker === false ? undefined : (runtime) => startSyncWorker(runtime.orm, runtime.config, runtime.logger, setup, defaultConnectors, runtime.metrics),
    metrics: registerSyncMetrics,
    commands: (program, context) => registerWorkerCommand(program, context, setup),
  };
}

export const cataloguePart = createCataloguePart();
