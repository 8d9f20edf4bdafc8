import type { SubgraphName } from '../core/config.js';
import type { SubgraphModule } from '../core/subgraph.js';
import { governance } from './governance/index.js';

/** The subgraphs, in start order (governance first: it owns Commune). */
export const SUBGRAPHS: Partial<Record<SubgraphName, SubgraphModule>> = { governance };
