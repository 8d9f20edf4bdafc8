import { defineSubgraph } from '../../core/subgraph.js';
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
import { registerRebuildSummaryCommand } from './common/month-summary-rebuild.js';
import { DOCUMENT_SUMMARY } from './documents/document-summary.cli.js';
import { DOSSIER_SUMMARY } from './dossiers/dossier-summary.cli.js';
import { registerImportCommands } from './imports/import.cli.js';
import { registerUnitImportCommand } from './units/unit-import.cli.js';
import { unitSettings } from './units/unit-settings.js';

/**
 * Governance: administrative units (the Commune entity), documents, dossiers and their KPIs, the commune portal's posts.
 *
 * Its tables, settings and `hub` commands, without its GraphQL layer (./index.ts composes that from
 * the parts): what the CLI and the configuration load.
 */
export const governanceDefinition = defineSubgraph({
  name: 'governance',
  entities: [
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
  ],
  migrations: { sqlite, postgresql },
  settings: [unitSettings],
  commands: [
    registerUnitImportCommand,
    (program, context) => registerRebuildSummaryCommand(program, context, DOCUMENT_SUMMARY),
    (program, context) => registerRebuildSummaryCommand(program, context, DOSSIER_SUMMARY),
    registerImportCommands,
  ],
});
