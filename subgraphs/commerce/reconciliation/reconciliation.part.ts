import type { SubgraphPart } from '../../../core/subgraph.js';
import { registerReconciliationMetrics } from './reconciliation-metrics.js';
import { ExpectedPaymentResolver } from './expected-payment.resolver.js';
import { ReconciliationItemResolver, ReconciliationRunResolver } from './reconciliation.resolver.js';
import { ReconciliationPeriodResolver } from './reconciliation-period.resolver.js';

/**
 * E-wallet statement reconciliation (issue 6): runs and their items over GraphQL, manual
 * resolution, and `hub reconcile` to import a provider's statement file.
 */
export const reconciliationPart: SubgraphPart = {
  resolvers: [ReconciliationRunResolver, ReconciliationItemResolver, ReconciliationPeriodResolver, ExpectedPaymentResolver],
  metrics: registerReconciliationMetrics,
};
