import type { SubgraphPart } from '../../../core/subgraph.js';
import { registerImportCommands } from './import-command.js';

/** Bulk import of one-stop and document-system exports (CSV, JSON): `hub import documents|dossiers <file>`. */
export const importsPart: SubgraphPart = {
  commands: registerImportCommands,
};
