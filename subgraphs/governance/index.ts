import { composeSubgraph } from '../../core/subgraph.js';
import { migrations as postgresql } from './migrations/postgresql/index.js';
import { migrations as sqlite } from './migrations/sqlite/index.js';
// First, as when the budget resolver imported it for checkYear: type-graphql lists types and Query
// fields in the order their modules run, and schema/governance.graphql has the KPI ones here.
import './kpis/kpi.resolver.js';
import { budgetPart } from './budget/budget.part.js';
import { documentsPart } from './documents/documents.part.js';
import { dossiersPart } from './dossiers/dossiers.part.js';
import { indicatorsPart } from './indicators/indicators.part.js';
import { monitoringPart } from './monitoring/monitoring.part.js';
import { importsPart } from './imports/imports.part.js';
import { kpisPart } from './kpis/kpis.part.js';
import { portalPart } from './portal/portal.part.js';
import { unitsPart } from './units/units.part.js';

/** Governance: administrative units (the Commune entity), documents, dossiers and their KPIs, the commune portal's posts. */
export const governance = composeSubgraph('governance', { sqlite, postgresql }, [
  unitsPart,
  documentsPart,
  dossiersPart,
  kpisPart,
  budgetPart,
  indicatorsPart,
  monitoringPart,
  importsPart,
  portalPart,
]);
