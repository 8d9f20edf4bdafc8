import { composeSubgraph } from '../../core/subgraph.js';
import { commerceDefinition } from './definition.js';
import { cashlessPart } from './cashless/cashless.part.js';
import { cataloguePart } from './catalogue/catalogue.part.js';
import { communePart } from './commune/commune.part.js';
import { reconciliationPart } from './reconciliation/reconciliation.part.js';
import { shopsPart } from './shops/shops.part.js';
import { contentPart } from './content/content.part.js';

/** Commerce as its server runs it: the definition (./definition.ts) and its parts' GraphQL layer. */
export const commerce = composeSubgraph(commerceDefinition, [cataloguePart, communePart, shopsPart, contentPart, reconciliationPart, cashlessPart]);
