import { defineSubgraph } from '../../core/subgraph.js';
import { registerRebuildSummaryCommand } from './common/month-summary-rebuild.js';
import { DOCUMENT_SUMMARY } from './documents/document-summary.cli.js';
import { DOSSIER_SUMMARY } from './dossiers/dossier-summary.cli.js';
import { registerImportCommands } from './imports/import.cli.js';
import { registerUnitImportCommand } from './units/unit-import.cli.js';
import { unitSettings } from './units/unit-settings.js';

/**
 * Governance: administrative units (the Commune entity), documents, dossiers and their KPIs, the commune portal's posts.
 *
 * Its settings and `hub` commands, and its tables (./tables.ts) loaded when its database is opened,
 * without its GraphQL layer (./index.ts composes that from the parts): what the CLI and the
 * configuration load.
 */
export const governanceDefinition = defineSubgraph({
  name: 'governance',
  tables: () => import('./tables.js'),
  settings: [unitSettings],
  commands: [
    registerUnitImportCommand,
    (program, context) => registerRebuildSummaryCommand(program, context, DOCUMENT_SUMMARY),
    (program, context) => registerRebuildSummaryCommand(program, context, DOSSIER_SUMMARY),
    registerImportCommands,
  ],
});
