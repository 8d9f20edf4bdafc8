import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedSamples } from '../pilot/pilot-samples.js';
import { CommuneBudgetResolver } from './budget.resolver.js';

/** Sample budgets of the pilot communes (assumed values: the source report gives none). */
export const PILOT_BUDGET_FILES = ['budget-05068-nam-thuong-2021.csv', 'budget-04969-lien-son-2021.csv'] as const;

/** Commune budgets (thu – chi ngân sách): estimate and monthly execution by state budget code; `Commune.budget(year)`. */
export const budgetPart: SubgraphPart = {
  resolvers: [CommuneBudgetResolver],
  seedPilot: (em) => seedSamples(em, 'budget', PILOT_BUDGET_FILES),
};
