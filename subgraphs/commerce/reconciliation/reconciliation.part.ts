import type { SubgraphPart } from '../../../core/subgraph.js';
import { registerImportPaymentsCommand } from './import-payments.cli.js';
import { registerReconcileCommand } from './reconcile.cli.js';
import { registerReconciliationMetrics } from './reconciliation-metrics.js';
import { ExpectedPayment } from './expected-payment.entity.js';
import { ExpectedPaymentResolver } from './expected-payment.resolver.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationResolution } from './reconciliation-resolution.entity.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';
import { ReconciliationItemResolver, ReconciliationRunResolver } from './reconciliation.resolver.js';

/**
 * E-wallet statement reconciliation (issue 6): runs and their items over GraphQL, manual
 * resolution, and `hub reconcile` to import a provider's statement file.
 */
export const reconciliationPart: SubgraphPart = {
  entities: [ReconciliationRun, ReconciliationItem, ReconciliationResolution, ExpectedPayment],
  resolvers: [ReconciliationRunResolver, ReconciliationItemResolver, ExpectedPaymentResolver],
  metrics: registerReconciliationMetrics,
  commands: (program, context) => {
    registerReconcileCommand(program, context);
    registerImportPaymentsCommand(program, context);
  },
};
