import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotCashless } from '../seed/pilot-cashless.js';
import { CashPointMonth } from './cash-point-month.entity.js';
import { CashPoint } from './cash-point.entity.js';
import { CashlessAccount } from './cashless-account.entity.js';
import { CashPointResolver, CommuneCashlessResolver } from './cashless.resolver.js';
import { CommuneStaffing } from './commune-staffing.entity.js';

/** Cashless payments: accounts opened (budget-paid officials, producers), cash-in/out points and their monthly throughput. */
export const cashlessPart: SubgraphPart = {
  entities: [CashlessAccount, CommuneStaffing, CashPoint, CashPointMonth],
  resolvers: [CashPointResolver, CommuneCashlessResolver],
  seedPilot: (em) => seedPilotCashless(em),
};
