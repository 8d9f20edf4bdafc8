import type { SubgraphTables } from '../../core/subgraph.js';
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

/**
 * The commerce subgraph's tables: its entities and its checked-in migrations per dialect,
 * loaded (with MikroORM) only when its database is opened (`defineSubgraph` in ./definition.ts).
 */
export const entities: SubgraphTables['entities'] = [
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
];

export const migrations: SubgraphTables['migrations'] = { sqlite, postgresql };
