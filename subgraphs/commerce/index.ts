import { composeSubgraph } from '../../core/subgraph.js';
import { cashlessPart } from './cashless/cashless.part.js';
import { cataloguePart } from './catalogue/catalogue.part.js';
import { communePart } from './commune/commune.part.js';
import { migrations as postgresql } from './migrations/postgresql/index.js';
import { migrations as sqlite } from './migrations/sqlite/index.js';
import { reconciliationPart } from './reconciliation/reconciliation.part.js';
import { shopsPart } from './shops/shops.part.js';
import { contentPart } from './content/content.part.js';

/** Commerce: producers, products, marketplace listings kept in sync, orders, e-wallet reconciliation, cashless payments, and the log of refused reads of them. */
export const commerce = composeSubgraph('commerce', { sqlite, postgresql }, [cataloguePart, communePart, shopsPart, contentPart, reconciliationPart, cashlessPart]);
