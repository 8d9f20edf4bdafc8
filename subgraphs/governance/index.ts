import { composeSubgraph } from '../../core/subgraph.js';
// First, as when the budget resolver imported it for checkYear: type-graphql lists types and Query
// fields in the order their modules run, and schema/governance.graphql has the KPI ones here.
import './kpis/kpi.resolver.js';
import { governanceDefinition } from './definition.js';
import { budgetPart } from './budget/budget.part.js';
import { documentsPart } from './documents/documents.part.js';
import { dossiersPart } from './dossiers/dossiers.part.js';
import { indicatorsPart } from './indicators/indicators.part.js';
import { monitoringPart } from './monitoring/monitoring.part.js';
import { kpisPart } from './kpis/kpis.part.js';
import { portalPart } from './portal/portal.part.js';
import { unitsPart } from './units/units.part.js';

/** Governance as its server runs it: the definition (./definition.ts) and its parts' GraphQL layer. */
export const governance = composeSubgraph(governanceDefinition, [
  unitsPart,
  documentsPart,
  dossiersPart,
  kpisPart,
  budgetPart,
  indicatorsPart,
  monitoringPart,
  portalPart,
]);
