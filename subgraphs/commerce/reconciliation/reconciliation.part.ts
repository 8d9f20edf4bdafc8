import type { SubgraphPart } from '../../../core/subgraph.js';
import { ProducerMember } from '../catalogue/producer-member.entity.js';
import { Producer } from '../catalogue/producer.entity.js';
import { registerImportPaymentsCommand } from './import-payments.cli.js';
import { registerReconcileCommand } from './reconcile.cli.js';
import { registerReconciliationMetrics } from './reconciliation-metrics.js';
import { ExpectedPayment } from './expected-payment.entity.js';
import { ExpectedPaymentResolver } from './expected-payment.resolver.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationResolution } from './reconciliation-resolution.entity.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';
import { ReconciliationItemResolver, ReconciliationRunResolver } from './reconciliation.resolver.js';
import { ReconciliationPeriodResolver } from './reconciliation-period.resolver.js';
import { ReconciliationPeriod } from './reconciliation-period.entity.js';
import { ReconciliationPeriodEvent } from './reconciliation-period-event.entity.js';
import { reconciliationSettings } from './reconciliation-settings.js';
import { registerReconciliationCommands } from './reconciliation.cli.js';

/**
 * E-wallet statement reconciliation (issue 6): runs and their items over GraphQL, manual
 * resolution, and `hub reconcile` to import a provider's statement file.
 */
export const reconciliationPart: SubgraphPart = {
  // Producer and ProducerMember: a producer's access to its payments is its recorded membership.
  entities: [ReconciliationRun, ReconciliationItem, ReconciliationResolution, ReconciliationPeriod, ReconciliationPeriodEvent, ExpectedPayment, Producer, ProducerMember],
  resolvers: [ReconciliationRunResolver, ReconciliationItemResolver, ReconciliationPeriodResolver, ExpectedPaymentResolver],
  settings: [reconciliationSettings],
  metrics: registerReconciliationMetrics,
  commands: (program, context) => {
    registerReconcileCommand(program, context);
    registerImportPaymentsCommand(program, context);
    registerReconciliationCommands(program, context);
  },
};
