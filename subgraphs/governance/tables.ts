import type { SubgraphTables } from '../../core/subgraph.js';
import { AdministrativeUnit } from './units/administrative-unit.entity.js';
import { UnitSuccession } from './units/unit-succession.entity.js';
import { UnitImport } from './units/unit-import.entity.js';
import { UnitRegistryVersion } from './units/unit-registry-version.entity.js';
import { DocumentRecord } from './documents/document.entity.js';
import { DocumentSignature } from './documents/document-signature.entity.js';
import { DocumentMonthSummary } from './documents/document-month-summary.entity.js';
import { Dossier } from './dossiers/dossier.entity.js';
import { DossierStatusChange } from './dossiers/dossier-status-change.entity.js';
import { DossierMonthSummary } from './dossiers/dossier-month-summary.entity.js';
import { RefusedRead } from '../shared/refused-read.entity.js';
import { KpiTarget } from './kpis/kpi-target.entity.js';
import { StatedFigure } from './kpis/stated-figure.entity.js';
import { BudgetLine } from './budget/budget-line.entity.js';
import { SocioEconomicValue } from './indicators/socio-economic-value.entity.js';
import { InformationAlert } from './monitoring/information-alert.entity.js';
import { PortalPost } from './portal/portal-post.entity.js';
import { migrations as postgresql } from './migrations/postgresql/index.js';
import { migrations as sqlite } from './migrations/sqlite/index.js';

/**
 * The governance subgraph's tables: its entities and its checked-in migrations per dialect,
 * loaded (with MikroORM) only when its database is opened (`defineSubgraph` in ./definition.ts).
 */
export const entities: SubgraphTables['entities'] = [
  AdministrativeUnit,
  UnitSuccession,
  UnitImport,
  UnitRegistryVersion,
  DocumentRecord,
  DocumentSignature,
  DocumentMonthSummary,
  Dossier,
  DossierStatusChange,
  DossierMonthSummary,
  RefusedRead,
  KpiTarget,
  StatedFigure,
  BudgetLine,
  SocioEconomicValue,
  InformationAlert,
  PortalPost,
];

export const migrations: SubgraphTables['migrations'] = { sqlite, postgresql };
