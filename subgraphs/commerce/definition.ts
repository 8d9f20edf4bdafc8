import { defineSubgraph } from '../../core/subgraph.js';
import { Producer } from './catalogue/producer.entity.js';
import { ProducerMember } from './catalogue/producer-member.entity.js';
import { Product } from './catalogue/product.entity.js';
import { ProductImage } from './content/product-image.entity.js';
import { Listing } from './listings/listing.entity.js';
import { ListingDrift } from './drift/listing-drift.entity.js';
import { SyncJob } from './sync/sync-job.entity.js';
import { SyncWorkerLease } from './sync/worker-lease.entity.js';
import { MarketplaceOrder } from './orders/order.entity.js';
import { MarketplaceOrderLine } from './orders/order-line.entity.js';
import { OrderFeedCursor } from './orders/order-feed-cursor.entity.js';
import { RefusedRead } from '../shared/refused-read.entity.js';
import { ShopConnection } from './shops/shop-connection.entity.js';
import { ReconciliationRun } from './reconciliation/reconciliation-run.entity.js';
import { ReconciliationItem } from './reconciliation/reconciliation-item.entity.js';
import { ReconciliationItemPack } from './reconciliation/reconciliation-item-pack.entity.js';
import { ReconciliationResolution } from './reconciliation/reconciliation-resolution.entity.js';
import { ReconciliationPeriod } from './reconciliation/reconciliation-period.entity.js';
import { ReconciliationPeriodEvent } from './reconciliation/reconciliation-period-event.entity.js';
import { ExpectedPayment } from './reconciliation/expected-payment.entity.js';
import { CashlessAccount } from './cashless/cashless-account.entity.js';
import { CommuneStaffing } from './cashless/commune-staffing.entity.js';
import { CashPoint } from './cashless/cash-point.entity.js';
import { CashPointMonth } from './cashless/cash-point-month.entity.js';
import { migrations as postgresql } from './migrations/postgresql/index.js';
import { migrations as sqlite } from './migrations/sqlite/index.js';
import { marketplaceSettings } from '../../connectors/marketplace/settings.js';
import { driftSettings } from './drift/drift-settings.js';
import { registerImportPaymentsCommand } from './reconciliation/import-payments.cli.js';
import { registerReconcileCommand } from './reconciliation/reconcile.cli.js';
import { reconciliationSettings } from './reconciliation/reconciliation-settings.js';
import { registerReconciliationCommands } from './reconciliation/reconciliation.cli.js';
import { pilotPublishSettings } from './seed/pilot-publish-settings.js';
import { shopSettings } from './shops/shop-settings.js';
import { syncSettings } from './sync/sync-options.js';
import { registerWorkerCommand } from './sync/worker.cli.js';

/**
 * Commerce: producers, products, marketplace listings kept in sync, orders, e-wallet reconciliation, cashless payments, and the log of refused reads of them.
 *
 * Its tables, settings and `hub` commands, without its GraphQL layer (./index.ts composes that from
 * the parts): what the CLI and the configuration load.
 */
export const commerceDefinition = defineSubgraph({
  name: 'commerce',
  entities: [
    Producer,
    ProducerMember,
    Product,
    ProductImage,
    Listing,
    ListingDrift,
    SyncJob,
    SyncWorkerLease,
    MarketplaceOrder,
    MarketplaceOrderLine,
    OrderFeedCursor,
    RefusedRead,
    ShopConnection,
    ReconciliationRun,
    ReconciliationItem,
    ReconciliationItemPack,
    ReconciliationResolution,
    ReconciliationPeriod,
    ReconciliationPeriodEvent,
    ExpectedPayment,
    CashlessAccount,
    CommuneStaffing,
    CashPoint,
    CashPointMonth,
  ],
  migrations: { sqlite, postgresql },
  settings: [marketplaceSettings, syncSettings, driftSettings, pilotPublishSettings, shopSettings, reconciliationSettings],
  commands: [registerWorkerCommand, registerReconcileCommand, registerImportPaymentsCommand, registerReconciliationCommands],
});
