import { defineSubgraph } from '../../core/subgraph.js';
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
 * Its settings and `hub` commands, and its tables (./tables.ts) loaded when its database is opened,
 * without its GraphQL layer (./index.ts composes that from the parts): what the CLI and the
 * configuration load.
 */
export const commerceDefinition = defineSubgraph({
  name: 'commerce',
  tables: () => import('./tables.js'),
  settings: [marketplaceSettings, syncSettings, driftSettings, pilotPublishSettings, shopSettings, reconciliationSettings],
  commands: [registerWorkerCommand, registerReconcileCommand, registerImportPaymentsCommand, registerReconciliationCommands],
});
