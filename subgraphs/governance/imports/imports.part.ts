import type { SubgraphPart } from '../../../core/subgraph.js';
import { registerImportCommands } from './import.cli.js';

/** Bulk import of one-stop and document-system exports (CSV, JSON): `hub import documents|dossiers <file>`. */
export const importsPart: SubgraphPart = {
  commands: registerImportCommands,
};
