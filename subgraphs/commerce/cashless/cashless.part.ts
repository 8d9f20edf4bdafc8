import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotCashless } from '../seed/pilot-cashless.js';
import { CashPointResolver, CommuneCashlessResolver } from './cashless.resolver.js';

/** Cashless payments: accounts opened (budget-paid officials, producers), cash-in/out points and their monthly throughput. */
export const cashlessPart: SubgraphPart = {
  resolvers: [CashPointResolver, CommuneCashlessResolver],
  seedPilot: (em) => seedPilotCashless(em),
};
