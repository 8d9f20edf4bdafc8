import type { SubgraphName } from '../core/config.js';
import type { SubgraphModule } from '../core/subgraph.js';
import { commerce } from './commerce/index.js';
import { devices } from './devices/index.js';
import { governance } from './governance/index.js';
import { society } from './society/index.js';

/** The subgraphs, in start order (governance first: it owns Commune). */
export const SUBGRAPHS: Partial<Record<SubgraphName, SubgraphModule>> = { governance, society, devices, commerce };
