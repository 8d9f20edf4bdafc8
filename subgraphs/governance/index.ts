import { composeSubgraph } from '../../core/subgraph.js';
import { migrations as postgresql } from './migrations/postgresql/index.js';
import { migrations as sqlite } from './migrations/sqlite/index.js';
import { unitsPart } from './units/units.part.js';

/** Governance: administrative units (the Commune entity), documents, dossiers and their KPIs. */
export const governance = composeSubgraph('governance', { sqlite, postgresql }, [unitsPart]);
